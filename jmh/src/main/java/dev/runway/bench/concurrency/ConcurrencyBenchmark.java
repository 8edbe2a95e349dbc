package dev.runway.bench.concurrency;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Lambda Managed Instances concurrency, measured end to end: Runway's distribution in local mode with
 * {@code AWS_LAMBDA_MAX_CONCURRENCY=N}, its loops on platform or virtual threads ({@code RUNWAY_LOOP_THREADS}),
 * and N client threads invoking a function that waits a fixed time. Reports throughput and the latency added to the
 * function's own time (client-side invoke latency minus the time the handler measured itself), p50, p99 and p99.9.
 *
 * <pre>{@code
 * ./mvnw -B -q -pl jmh,bootstrap -am package -DskipTests -Dmaven.compiler.proc=full
 * java -cp jmh/target/benchmarks.jar dev.runway.bench.concurrency.ConcurrencyBenchmark \
 *     [--warmup 30] [--measure 20] [--wait 5] [--modes platform,virtual] [--levels 1,8,32] [--dump file] [--floor on]
 * }</pre>
 *
 * <p>{@code --floor on} runs {@link RelayFloor}'s traffic (the same clients and wait, nothing of Runway) just before
 * each level, for the same measured time after at most 10 s of warm-up, and prints it above the level's row: this
 * machine's floor moves several-fold within an hour, so a figure means little without the floor of its minutes.
 *
 * <p>{@code --dump} writes each measured invocation of the last level run as a line
 * {@code <start ns> <added ns> <in ns> <out ns>} (start counted from the measurement's start; "in" from the client's
 * request to the handler's start, "out" from the handler's end to the client's answer, both on the machine's
 * monotonic clock, which the client and the function share), to see when the slow ones happened and on which way.
 *
 * <p>Warm-up and measurement are timed, per level, each on a fresh local platform. The warm-up is long on purpose:
 * what is measured is a warm environment, and three JVMs (this client, the emulator, the runtime) reach their
 * steady state only after their JIT compilers have settled and the emulator's start-up objects have been promoted
 * out of the young generation (until then, each young collection copies them again: 5-9 ms pauses instead of
 * under 1 ms, about 25 s into a run at 32 concurrent).
 *
 * <p>Invokes that find no free loop get {@code 400 Runtime.Unavailable} from the platform, as on Lambda Managed
 * Instances, and are retried; their count is reported.
 */
public final class ConcurrencyBenchmark {

    private static final String HANDLER = "dev.runway.bench.function.SleepHandler";

    private ConcurrencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int warmupSeconds = Integer.parseInt(options.getOrDefault("warmup", "30"));
        int measureSeconds = Integer.parseInt(options.getOrDefault("measure", "20"));
        int waitMs = Integer.parseInt(options.getOrDefault("wait", "5"));
        List<String> modes = List.of(options.getOrDefault("modes", "platform,virtual").split(","));
        int[] levels = Arrays.stream(options.getOrDefault("levels", "1,8,32").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Path bootstrap = Path.of("bootstrap/target/runway/bootstrap").toAbsolutePath();
        if (!Files.isExecutable(bootstrap)) {
            throw new IllegalStateException("build the distribution first: " + bootstrap);
        }
        Path taskRoot = Files.createTempDirectory("runway-concurrency");
        copyFunctions(taskRoot);
        System.out.printf("function waits %d ms; per level: %d s warm-up, then %d s measured%n%n",
                waitMs, warmupSeconds, measureSeconds);
        System.out.println("| loop threads | concurrency | invocations/s | added p50 ms | added p99 ms | added p99.9 ms | retried (Runtime.Unavailable) |");
        System.out.println("|---|--:|--:|--:|--:|--:|--:|");
        boolean floor = "on".equals(options.get("floor"));
        for (String mode : modes) {
            for (int level : levels) {
                if (floor) {
                    System.out.println(RelayFloor.row(level, Math.min(10, warmupSeconds), measureSeconds, waitMs));
                }
                System.out.println(run(bootstrap, taskRoot, mode, level, warmupSeconds, measureSeconds, waitMs,
                        options.get("dump")));
            }
        }
    }

    /** {@code --name value} pairs. */
    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("usage: [--warmup s] [--measure s] [--wait ms] "
                        + "[--modes platform,virtual] [--levels 1,8,32]");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String run(Path bootstrap, Path taskRoot, String mode, int level, int warmupSeconds,
            int measureSeconds, int waitMs, String dump) throws Exception {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(bootstrap.toString(), "--port", Integer.toString(port),
                "--no-extensions", HANDLER).directory(taskRoot.toFile());
        Map<String, String> env = builder.environment();
        env.remove("AWS_LAMBDA_RUNTIME_API");
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("AWS_LAMBDA_MAX_CONCURRENCY", Integer.toString(level));
        env.put("RUNWAY_LOOP_THREADS", mode);
        env.put("AWS_LAMBDA_FUNCTION_TIMEOUT", "60");
        builder.redirectErrorStream(true).redirectOutput(taskRoot.resolve("local-" + mode + "-" + level + ".log").toFile());
        Process process = builder.start();
        try {
            awaitListening(port, process);
            measure(port, level, warmupSeconds, waitMs); // warm-up, not counted
            long start = System.nanoTime();
            Measured measured = measure(port, level, measureSeconds, waitMs);
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] added = measured.added();
            if (dump != null) {
                StringBuilder lines = new StringBuilder();
                for (int i = 0; i < added.length; i++) {
                    lines.append(measured.started()[i] - start).append(' ').append(added[i]).append(' ')
                            .append(measured.in()[i]).append(' ').append(measured.out()[i]).append('\n');
                }
                Files.writeString(Path.of(dump), lines);
            }
            Arrays.sort(added);
            return String.format("| %s | %d | %.0f | %.2f | %.2f | %.2f | %d |", mode, level, added.length / seconds,
                    percentile(added, 0.5), percentile(added, 0.99), percentile(added, 0.999), measured.retries());
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** In milliseconds: the smallest value that at least {@code fraction} of the sorted values do not exceed. */
    static double percentile(long[] sorted, double fraction) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * fraction) - 1)] / 1e6;
    }

    /**
     * Added latencies (ns) of the invocations that completed, when each started, its way in and its way out (ns),
     * and how many were retried.
     */
    private record Measured(long[] added, long[] started, long[] in, long[] out, long retries) {}

    /**
     * {@code level} client threads, one keep-alive connection each, invoke until {@code seconds} have passed; each
     * records its latency minus the time the handler measured itself, in ns, and checks that the answer is its own.
     */
    private static Measured measure(int port, int level, int seconds, int waitMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        // Each invocation takes at least the handler's wait: this bounds what one client can record.
        int perClient = (int) (TimeUnit.SECONDS.toMillis(seconds) / Math.max(1, waitMs)) + 16;
        long[][] added = new long[level][perClient];
        long[][] started = new long[level][perClient];
        long[][] in = new long[level][perClient];
        long[][] out = new long[level][perClient];
        int[] counts = new int[level];
        AtomicLong retries = new AtomicLong();
        CountDownLatch done = new CountDownLatch(level);
        List<Throwable> failures = new ArrayList<>();
        byte[] event = Integer.toString(waitMs).getBytes(StandardCharsets.US_ASCII);
        for (int t = 0; t < level; t++) {
            int client = t;
            Thread thread = new Thread(() -> {
                try (InvokeClient invoker = new InvokeClient(port)) {
                    long[] mine = added[client];
                    long[] starts = started[client];
                    int n = 0;
                    while (n < mine.length && System.nanoTime() < deadline) {
                        long begin = System.nanoTime();
                        InvokeClient.Answer answer;
                        while ((answer = invoker.invoke(event)).status() == 400) {
                            retries.incrementAndGet();
                        }
                        long end = System.nanoTime();
                        Handled handled = handled(answer);
                        starts[n] = begin;
                        in[client][n] = handled.start() - begin;
                        out[client][n] = end - handled.end();
                        mine[n++] = end - begin - (handled.end() - handled.start());
                    }
                    counts[client] = n;
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    done.countDown();
                }
            }, "client");
            thread.start();
        }
        if (!done.await(seconds + 600L, TimeUnit.SECONDS) || !failures.isEmpty()) {
            throw new IllegalStateException("invocations failed: " + failures);
        }
        return new Measured(flatten(added, counts), flatten(started, counts), flatten(in, counts),
                flatten(out, counts), retries.get());
    }

    private static long[] flatten(long[][] perClient, int[] counts) {
        long[] all = new long[Arrays.stream(counts).sum()];
        for (int t = 0, at = 0; t < counts.length; at += counts[t], t++) {
            System.arraycopy(perClient[t], 0, all, at, counts[t]);
        }
        return all;
    }

    /** What the handler measured: {@code System.nanoTime()} at its start and at its end. */
    private record Handled(long start, long end) {}

    /** The handler's measurements, from its answer; fails when the answer belongs to another invocation. */
    private static Handled handled(InvokeClient.Answer answer) throws IOException {
        if (answer.status() != 200) {
            throw new IOException("invoke answered HTTP " + answer.status() + ": " + answer.body());
        }
        String[] parts = answer.body().split(" ");
        if (parts.length != 3 || !parts[0].equals(answer.requestId())) {
            throw new IOException("crossed invocations: request " + answer.requestId() + " answered " + answer.body());
        }
        return new Handled(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
    }

    private static void awaitListening(int port, Process process) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("local mode exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("local mode never listened on " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The benchmark's functions, out of this jar into a task root, so the runtime loads them as Lambda does. */
    private static void copyFunctions(Path taskRoot) throws IOException {
        Path jar = Path.of(ConcurrencyBenchmark.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : java.util.Collections.list(file.entries())) {
                if (entry.getName().startsWith("dev/runway/bench/function/") && entry.getName().endsWith(".class")) {
                    Path target = taskRoot.resolve(entry.getName());
                    Files.createDirectories(target.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
    }
}
