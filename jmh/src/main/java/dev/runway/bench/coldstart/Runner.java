package dev.runway.bench.coldstart;

import dev.runway.bench.server.RuntimeApiServer;
import dev.runway.bench.server.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one client process against the server and measures it, then kills it. At most one client process is alive
 * at any time; a shutdown hook kills it if the harness itself is stopped.
 */
final class Runner {

    private static final long POLL_MS = 50;

    private final RuntimeApiServer server;
    private final Launcher launcher;
    private final Layout layout;
    private final long timeoutMs;
    private final String inspect;
    private volatile Process live;

    Runner(RuntimeApiServer server, Launcher launcher, Layout layout, long timeoutMs, String inspect) {
        this.server = server;
        this.launcher = launcher;
        this.layout = layout;
        this.timeoutMs = timeoutMs;
        this.inspect = inspect;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process p = live;
            if (p != null) {
                p.destroyForcibly();
            }
        }, "kill-client"));
    }

    /**
     * Starts a fresh process and times it to its first response.
     *
     * @param client the client
     * @param workload the function
     * @return the measurement
     * @throws IOException when the process cannot be started or probed
     * @throws InterruptedException when interrupted
     */
    ColdStart coldStart(Client client, Workload workload) throws IOException, InterruptedException {
        Session session = Session.measured(workload.event(), 1);
        server.serve(session);
        ProcessBuilder builder = launcher.builder(client, workload, List.of());
        long spawned = System.nanoTime();
        Process process = builder.start();
        live = process;
        try {
            await(session, process, false, timeoutMs, client, workload);
            ProcessProbe.Sample sample = ProcessProbe.sample(process.pid());
            double ms = (session.firstResponseNs() - spawned) / 1e6;
            if (inspect != null) {
                inspect(process.pid(), client, workload);
            }
            return new ColdStart(ms, sample.cpuMs(), sample.peakRssKb());
        } finally {
            kill(process);
        }
    }

    /**
     * Runs {@code warmup + measured} invocations in one process.
     *
     * @param client the client
     * @param workload the function
     * @param warmup invocations not measured
     * @param measured invocations measured
     * @param pinning the CPU the harness is pinned to, to start the client on it too; {@code null} for none
     * @return the measurement
     * @throws IOException when the process cannot be started or probed
     * @throws InterruptedException when interrupted
     */
    WarmRun warm(Client client, Workload workload, int warmup, int measured, CpuPinning pinning)
            throws IOException, InterruptedException {
        int total = warmup + measured;
        Session session = Session.measured(workload.event(), total);
        server.serve(session);
        Process process = launcher.builder(client, workload, pinning == null ? List.of() : pinning.commandPrefix())
                .start();
        live = process;
        try {
            // Generous but bounded: a start, then up to 5 ms per invocation.
            await(session, process, true, timeoutMs + total * 5L, client, workload);
            ProcessProbe.Sample sample = ProcessProbe.sample(process.pid());
            return new WarmRun(session.invokeNanos(warmup), session.periodNanos(warmup), sample.peakRssKb(),
                    sample.cpuMs());
        } finally {
            kill(process);
        }
    }

    /**
     * Trains the cache of the {@code runway} client (Runway as shipped): Runway serves the training function a few times, is then
     * refused {@code /next}, exits, and its JVM writes the AOT cache on the way out.
     *
     * @param invocations how many events the training run serves
     * @throws IOException when the process cannot be started
     * @throws InterruptedException when interrupted
     */
    void trainAotCache(int invocations) throws IOException, InterruptedException {
        Session session = Session.training(
                dev.runway.bench.training.OrderHandler.EVENT.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                invocations);
        server.serve(session);
        Process process = launcher.trainingBuilder(dev.runway.bench.training.OrderHandler.class.getName()).start();
        live = process;
        try {
            // The JVM assembles the cache in a child JVM after the run; that takes a few seconds.
            if (!process.waitFor(timeoutMs + 120_000, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the AOT training run did not end; see "
                        + layout.logs().resolve("training-runway.log"));
            }
            if (session.failure() != null || session.answered() != invocations || !Files.isRegularFile(layout.aotCache())) {
                throw new IllegalStateException("the AOT training run failed (" + session.answered() + " of "
                        + invocations + " answered, " + session.failure() + "); see "
                        + layout.logs().resolve("training-runway.log"));
            }
        } finally {
            kill(process);
        }
    }

    /**
     * Trains the {@code runway-trained} client's cache on the benchmarked function, with its event, as
     * {@code bootstrap --train --event} does.
     *
     * @param client the trained client
     * @param workload the function
     * @param invocations how many events the training run serves
     * @throws IOException when the process cannot be started
     * @throws InterruptedException when interrupted
     */
    void trainFunctionCache(Client client, Workload workload, int invocations)
            throws IOException, InterruptedException {
        Session session = Session.training(workload.event(), invocations);
        server.serve(session);
        Process process = launcher.functionTrainingBuilder(client, workload).start();
        live = process;
        Path log = layout.logs().resolve("training-" + workload.label() + "-" + client.label() + ".log");
        try {
            if (!process.waitFor(timeoutMs + 120_000, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the AOT training run did not end; see " + log);
            }
            if (session.failure() != null || session.answered() != invocations
                    || !Files.isRegularFile(layout.trainedCache(client, workload))) {
                throw new IllegalStateException("the AOT training run failed (" + session.answered() + " of "
                        + invocations + " answered, " + session.failure() + "); see " + log);
            }
        } finally {
            kill(process);
        }
    }

    /** Waits for the first or every response; fails fast, with the client's log, if the process died or erred. */
    private void await(Session session, Process process, boolean all, long timeout, Client client, Workload workload)
            throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
        while (!(all ? session.awaitAll(POLL_MS) : session.awaitFirst(POLL_MS))) {
            if (!process.isAlive()) {
                throw failure(client, workload, "exited with status " + process.exitValue() + " before answering");
            }
            if (System.nanoTime() > deadline) {
                throw failure(client, workload, "gave no " + (all ? "last" : "first") + " response within "
                        + timeout + " ms");
            }
        }
        if (session.failure() != null) {
            throw failure(client, workload, "reported an error: " + session.failure());
        }
        if (!workload.accepts(session.firstResponse())) {
            throw failure(client, workload, "answered wrongly: "
                    + new String(session.firstResponse(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private IllegalStateException failure(Client client, Workload workload, String what) throws IOException {
        Path log = layout.log(client, workload);
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        return new IllegalStateException(client.label() + " (" + workload.label() + ") " + what
                + "\ncommand: " + String.join(" ", launcher.command(client, workload))
                + "\nlast lines of " + log + ":\n" + tail);
    }

    /** Runs the {@code --inspect} command on a process that has answered and now waits in {@code /next}. */
    private void inspect(long pid, Client client, Workload workload) throws IOException, InterruptedException {
        Path out = layout.logs().resolve(workload.label() + "-" + client.label() + "-inspect.txt");
        List<String> command = List.of("sh", "-c", inspect.replace("{pid}", Long.toString(pid)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    private void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("process " + process.pid() + " did not die after SIGKILL");
        }
        live = null;
        server.serve(null);
    }
}
