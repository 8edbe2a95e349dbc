package dev.runway.bench.coldstart;

import dev.runway.bench.server.RuntimeApiServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cold-start and warm-invoke harness: Runway, the official RIC and a minimal floor client, in one run, with the
 * same function, the same JDK, the same JVM flags and the same Runtime API server.
 *
 * <p>Run it after building ({@code docs/performance.md} has the details and the meaning of every figure):
 * <pre>
 * ./mvnw -B -q -pl jmh -am package -DskipTests
 * java -cp jmh/target/benchmarks.jar dev.runway.bench.coldstart.ColdStartHarness [--starts 11] [--help]
 * </pre>
 *
 * <p>For each handler it first starts every client once without measuring it (so the JDK, the jars and the
 * official RIC's native library are in the page cache for all alike), then starts each client {@code --starts}
 * times, rotating the order each round so that a slow phase of a busy machine hits all clients alike, and finally
 * runs one warm process per client. Each process is killed as soon as it has been measured. The report goes to
 * standard output and to {@code <work>/results.md}; progress goes to standard error.
 */
public final class ColdStartHarness {

    /** Enough for the JVM to load and link every class of the invocation path, which is what the cache holds. */
    private static final int TRAINING_INVOCATIONS = 50;

    /** What {@code bootstrap --train --event FILE} does: one invocation of the function's own event. */
    private static final int FUNCTION_TRAINING_INVOCATIONS = 1;

    private ColdStartHarness() {}

    /**
     * @param args see {@link Options#USAGE}
     * @throws Exception when a client fails: the message carries its command line and the end of its log
     */
    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        Layout layout = Layout.prepare(options.jars(), options.runway(), options.variantRunway(), options.baseline(),
                options.work(), options.springFunction(),
                options.workloads().contains(Workload.SPRING));
        try (RuntimeApiServer server = RuntimeApiServer.start()) {
            Launcher launcher = new Launcher(options, layout, server.address());
            Runner runner = new Runner(server, launcher, layout, options.timeoutMs(), options.inspect());
            String startLoad = loadAverage();
            List<String> header = header(options, launcher);
            Results results = run(options, runner, layout);
            header.add("- load average at the end: " + loadAverage());
            if (busy(startLoad) || busy(loadAverage())) {
                header.add("- **busy machine**: other processes competed for the CPUs during this run, so the wall-clock"
                        + " columns are unreliable; the CPU column suffers much less. Re-run on a quiet machine.");
            }
            String report = Report.format(results, options, header);
            System.out.println(report);
            Files.writeString(options.work().resolve("results.md"), report);
            for (Path plot : Plots.write(results, options, options.work())) {
                System.err.println("plot written to " + plot);
            }
            System.err.println("report written to " + options.work().resolve("results.md"));
        }
    }

    private static Results run(Options options, Runner runner, Layout layout) throws IOException, InterruptedException {
        Results results = new Results();
        List<Client> clients = options.clients();
        if (clients.contains(Client.RUNWAY_AOT)) {
            long start = System.nanoTime();
            runner.trainAotCache(TRAINING_INVOCATIONS);
            progress("runway: AOT cache trained on %s in %.1f s", dev.runway.bench.training.OrderHandler.class
                    .getSimpleName(), (System.nanoTime() - start) / 1e9);
        }
        for (Workload w : options.workloads()) {
            for (Client trained : new Client[] {Client.RUNWAY_TRAINED, Client.RUNWAY_VARIANT}) {
                if (clients.contains(trained)) {
                    long start = System.nanoTime();
                    runner.trainFunctionCache(trained, w, FUNCTION_TRAINING_INVOCATIONS);
                    progress("%s: AOT cache trained on %s in %.1f s, %.1f MiB", trained.label(), w.label(),
                            (System.nanoTime() - start) / 1e9, Files.size(layout.trainedCache(trained, w)) / 1048576.0);
                }
            }
            for (int i = 0; options.starts() > 0 && i < clients.size(); i++) {
                if (w.runsOn(clients.get(i))) {
                    runner.coldStart(clients.get(i), w); // priming start, not counted
                }
            }
            for (int round = 0; round < options.starts(); round++) {
                for (int k = 0; k < clients.size(); k++) {
                    Client c = clients.get((round + k) % clients.size());
                    if (!w.runsOn(c)) {
                        continue;
                    }
                    ColdStart start = runner.coldStart(c, w);
                    results.add(w, c, start);
                    progress("%s %-8s start %2d/%d: %7.1f ms, cpu %6.1f ms, rss %5.1f MB", w.label(), c.label(),
                            round + 1, options.starts(), start.spawnToFirstResponseMs(), start.cpuMs(),
                            start.peakRssKb() / 1024.0);
                }
            }
            if (options.invocations() > 0) {
                warmRuns(options, runner, w, results);
            }
        }
        return results;
    }

    /** One warm process per client, each sharing one CPU with the harness (see {@link CpuPinning}). */
    private static void warmRuns(Options options, Runner runner, Workload w, Results results)
            throws IOException, InterruptedException {
        CpuPinning pinning = options.warmCpu() == null ? null : CpuPinning.pinHarness(options.warmCpu());
        try {
            for (Client c : options.clients()) {
                if (!w.runsOn(c)) {
                    continue;
                }
                WarmRun run = runner.warm(c, w, options.warmup(), options.invocations(), pinning);
                results.add(w, c, run);
                progress("%s %-8s warm: p50 %.1f µs, p99 %.1f µs, peak rss %.1f MB", w.label(), c.label(),
                        Stats.percentile(run.invokeNanos(), 50) / 1e3, Stats.percentile(run.invokeNanos(), 99) / 1e3,
                        run.peakRssKb() / 1024.0);
            }
        } finally {
            if (pinning != null) {
                pinning.release();
            }
        }
    }

    /** The facts a reader needs to reproduce or discount the figures. */
    private static List<String> header(Options options, Launcher launcher) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        lines.add("## Runway cold-start harness, " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        lines.add("");
        lines.add("- host: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, "
                + memTotal() + ", Linux " + System.getProperty("os.version"));
        lines.add("- load average at the start: " + loadAverage());
        lines.add("- JDK: " + javaVersion(options.java()) + " (" + options.java() + ")");
        lines.add("- JVM flags (every client but runway and runway-trained, which replace -Xshare:auto by an AOT cache, as bootstrap does): `" + String.join(" ", options.jvmFlags()) + "`");
        lines.add(String.format(Locale.ROOT, "- cold: %d measured starts per client and handler, after one"
                + " unmeasured priming start each, client order rotated every round, no CPU pinning", options.starts()));
        lines.add(String.format(Locale.ROOT, "- warm: one process per client and handler, %d warm-up + %d measured"
                + " invocations, %s", options.warmup(), options.invocations(), options.warmCpu() == null
                        ? "no CPU pinning" : "harness and client pinned to one CPU (" + options.warmCpu() + ")"));
        for (Client c : options.clients()) {
            lines.add("- " + c.label() + ": `" + String.join(" ", launcher.command(c, options.workloads().get(0)))
                    + "`");
        }
        return lines;
    }

    private static String javaVersion(Path java) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        String[] lines = text.strip().split("\n");
        return lines.length > 1 ? lines[1].strip() : text.strip();
    }

    private static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip())
                .findFirst().orElse("unknown CPU");
    }

    private static String memTotal() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GiB RAM")
                .findFirst().orElse("unknown RAM");
    }

    /**
     * Whether a {@code /proc/loadavg} one-minute figure says others were using the machine. The harness itself
     * keeps about one CPU busy, so anything above that means competition.
     */
    private static boolean busy(String loadAverage) {
        double oneMinute = Double.parseDouble(loadAverage.substring(0, loadAverage.indexOf(' ')));
        return oneMinute > 1.5;
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static void progress(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }
}
