package dev.runway.bootstrap.local.internal.process;

import dev.runway.bootstrap.local.RuntimeInstance;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A runtime or extension process the platform started, with its output forwarded line by line to the
 * platform's own output (as Lambda sends both to the function's log) and to telemetry.
 *
 * <p>It runs in a session of its own ({@code setsid}, where there is one), as on Lambda, where the platform
 * and not the terminal decides when a runtime stops: Ctrl-C in the terminal reaches the platform only, which
 * then shuts the environment down with the platform's SIGTERM, SHUTDOWN and SIGKILL sequence.
 */
public final class ChildProcess implements RuntimeInstance {

    private static final Path SETSID = findSetsid();

    private final Process process;
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private final List<Thread> pumps = new ArrayList<>(2);
    private final ProcessTree tree;
    private final PeakMemory peak;

    private ChildProcess(Process process) {
        this.process = process;
        this.tree = new ProcessTree(process.toHandle());
        this.peak = new PeakMemory(tree);
    }

    /**
     * Starts a process.
     *
     * @param name a name for the output threads
     * @param command the command line
     * @param environment its whole environment
     * @param directory its working directory
     * @param out where its standard output goes
     * @param err where its standard error goes
     * @param logLine receives every line of both, too
     * @return the running process
     * @throws UncheckedIOException when it cannot be started
     */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path directory,
            PrintStream out, PrintStream err, Consumer<String> logLine) {
        List<String> line = new ArrayList<>();
        if (SETSID != null) {
            line.add(SETSID.toString());
        }
        line.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(line).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command + ": " + e.getMessage(), e);
        }
        ChildProcess child = new ChildProcess(process);
        child.pump(name + "-stdout", process.getInputStream(), out, logLine);
        child.pump(name + "-stderr", process.getErrorStream(), err, logLine);
        process.onExit().thenRun(() -> {
            // The exit is reported once the output is drained, so a crash message precedes the platform's verdict.
            for (Thread pump : child.pumps) {
                try {
                    pump.join(2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            child.exited.complete(process.exitValue());
        });
        return child;
    }

    private void pump(String name, InputStream stream, PrintStream target, Consumer<String> logLine) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String text;
                while ((text = reader.readLine()) != null) {
                    target.println(text);
                    logLine.accept(text);
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, name);
        thread.setDaemon(true);
        pumps.add(thread);
        thread.start();
    }

    /** @return the process id */
    public long pid() {
        return process.pid();
    }

    /** @return whether it still runs */
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public CompletableFuture<Integer> exited() {
        return exited;
    }

    @Override
    public void terminate() {
        // Through the handle: Process.destroy() would also close our ends of its pipes, and lose what its
        // shutdown hooks print.
        process.toHandle().destroy();
    }

    @Override
    public void kill() {
        // Children first, so none is re-parented and left running: Lambda kills the whole sandbox.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.toHandle().destroyForcibly();
    }

    @Override
    public long peakMemoryKib() {
        if (!process.isAlive()) {
            return 0;
        }
        return peak.read();
    }

    private static Path findSetsid() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "setsid");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
