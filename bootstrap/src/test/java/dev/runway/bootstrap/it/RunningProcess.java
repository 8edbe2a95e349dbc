package dev.runway.bootstrap.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A process a test started (the {@code bootstrap}, or the RIE with its children), its output kept in files so
 * that it can never block on a full pipe. {@link #close()} kills the whole process tree.
 */
final class RunningProcess implements AutoCloseable {

    /** Variables of the test's own environment that would change what the runtime does. */
    private static final List<String> UNSET = List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS",
            "JAVA_HOME", "_HANDLER", "AWS_LAMBDA_EXEC_WRAPPER");
    private static final List<String> UNSET_PREFIXES = List.of("AWS_", "LAMBDA_", "RUNWAY_");

    private final String name;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private RunningProcess(String name, Process process, Path stdout, Path stderr) {
        this.name = name;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * The environment a process starts with: the test's, less anything Lambda- or JVM-related, plus
     * {@code JAVA_HOME} set to the JDK running the tests (where {@code bootstrap} finds java).
     */
    static Map<String, String> baseEnvironment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(key -> UNSET.contains(key) || UNSET_PREFIXES.stream().anyMatch(key::startsWith));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return env;
    }

    /**
     * Starts a process.
     *
     * @param name a name for its log files and messages
     * @param command the command line
     * @param environment its whole environment
     * @param workingDirectory its working directory
     * @param logDirectory where its output goes
     */
    static RunningProcess start(String name, List<String> command, Map<String, String> environment,
            Path workingDirectory, Path logDirectory) {
        Path out = logDirectory.resolve(name + ".out");
        Path err = logDirectory.resolve(name + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            return new RunningProcess(name, builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /**
     * Waits, at most {@code timeout}, for the process to end.
     *
     * @return its exit status, or empty if it still runs
     */
    OptionalInt awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    ? OptionalInt.of(process.exitValue())
                    : OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    /** Waits, at most {@code timeout}, for the process to end, and fails the test if it does not. */
    int exitStatus(Duration timeout) {
        OptionalInt status = awaitExit(timeout);
        if (status.isEmpty()) {
            throw new AssertionError(name + " still runs after " + timeout + ".\n" + output());
        }
        return status.getAsInt();
    }

    /** Sends SIGTERM to the process only (not its children), as a terminal's Ctrl-C reaches a foreground job. */
    void signalTerminate() {
        process.destroy();
    }

    /** @return the process id */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    /**
     * Waits, a bounded time, until the standard output holds {@code text}: a line the process prints after the
     * event the test saw (the END of an invocation whose answer already came).
     *
     * @return the standard output then
     */
    String awaitStdout(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String out = stdout();
            if (out.contains(text)) {
                return out;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(name + " did not print '" + text + "' within " + timeout + ".\n" + output());
    }

    /**
     * Waits, a bounded time, until something accepts connections on a loopback port: the server this process
     * starts (an invoke endpoint). Fails at once when the process has exited.
     */
    void awaitListening(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new AssertionError(name + " exited at start.\n" + output());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
        throw new AssertionError(name + " does not listen on " + port + ".\n" + output());
    }

    /** @return everything the process wrote, for failure messages */
    String output() {
        return "--- " + name + " stdout ---\n" + stdout() + "--- " + name + " stderr ---\n" + stderr();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    /** Kills the process and everything it started, and waits (a bounded time) until they are gone. */
    @Override
    public void close() {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        for (ProcessHandle handle : concat(tree, process.toHandle())) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                System.err.println("[it] " + name + ": process " + handle.pid() + " did not end: " + e);
            }
        }
    }

    private static List<ProcessHandle> concat(List<ProcessHandle> tree, ProcessHandle root) {
        return java.util.stream.Stream.concat(tree.stream(), java.util.stream.Stream.of(root)).toList();
    }
}
