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
 * function's own time (client-side invoke latency minus the time the handler measured itself), p50 and p99.
 *
 * <pre>{@code
 * ./mvnw -B -q -pl jmh -am package -DskipTests
 * java -cp jmh/target/benchmarks.jar dev.runway.bench.concurrency.ConcurrencyBenchmark [invocations per level] [wait ms]
 * }</pre>
 *
 * <p>Invokes that find no free loop get {@code 400 Runtime.Unavailable} from the platform, as on Lambda Managed
 * Instances, and are retried; their count is reported.
 */
public final class ConcurrencyBenchmark {

    private static final int[] LEVELS = {1, 8, 32};
    private static final String HANDLER = "dev.runway.bench.function.SleepHandler";

    private ConcurrencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int invocations = args.length > 0 ? Integer.parseInt(args[0]) : 3200;
        int waitMs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path bootstrap = Path.of("bootstrap/target/runway/bootstrap").toAbsolutePath();
        if (!Files.isExecutable(bootstrap)) {
            throw new IllegalStateException("build the distribution first: " + bootstrap);
        }
        Path taskRoot = Files.createTempDirectory("runway-concurrency");
        copyFunctions(taskRoot);
        System.out.printf("function waits %d ms; %d measured invocations per level after %d warm-up%n%n",
                waitMs, invocations, invocations / 4);
        System.out.println("| loop threads | concurrency | invocations/s | added p50 ms | added p99 ms | retried (Runtime.Unavailable) |");
        System.out.println("|---|--:|--:|--:|--:|--:|");
        for (String mode : List.of("platform", "virtual")) {
            for (int level : LEVELS) {
                System.out.println(run(bootstrap, taskRoot, mode, level, invocations, waitMs));
            }
        }
    }

    private static String run(Path bootstrap, Path taskRoot, String mode, int level, int invocations, int waitMs)
            throws Exception {
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
            measure(port, level, invocations / 4, waitMs, new long[invocations / 4], new AtomicLong()); // warm-up
            long[] added = new long[invocations];
            AtomicLong retries = new AtomicLong();
            long start = System.nanoTime();
            measure(port, level, invocations, waitMs, added, retries);
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(added);
            return String.format("| %s | %d | %.0f | %.2f | %.2f | %d |", mode, level, invocations / seconds,
                    added[added.length / 2] / 1e6, added[(int) Math.ceil(added.length * 0.99) - 1] / 1e6, retries.get());
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * {@code level} client threads, one keep-alive connection each, share {@code count} invocations; each records
     * its latency minus the time the handler measured itself, in ns, and checks that the answer is its own.
     */
    private static void measure(int port, int level, int count, int waitMs, long[] added, AtomicLong retries)
            throws InterruptedException {
        AtomicLong next = new AtomicLong();
        CountDownLatch done = new CountDownLatch(level);
        List<Throwable> failures = new ArrayList<>();
        byte[] event = Integer.toString(waitMs).getBytes(StandardCharsets.US_ASCII);
        for (int t = 0; t < level; t++) {
            Thread client = new Thread(() -> {
                try (InvokeClient invoker = new InvokeClient(port)) {
                    for (long i; (i = next.getAndIncrement()) < count; ) {
                        long begin = System.nanoTime();
                        InvokeClient.Answer answer;
                        while ((answer = invoker.invoke(event)).status() == 400) {
                            retries.incrementAndGet();
                        }
                        long elapsed = System.nanoTime() - begin;
                        added[(int) i] = elapsed - handlerNanos(answer);
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    done.countDown();
                }
            }, "client");
            client.start();
        }
        if (!done.await(10, TimeUnit.MINUTES) || !failures.isEmpty()) {
            throw new IllegalStateException("invocations failed: " + failures);
        }
    }

    /** The handler's own time, from its answer; fails when the answer belongs to another invocation. */
    private static long handlerNanos(InvokeClient.Answer answer) throws IOException {
        if (answer.status() != 200) {
            throw new IOException("invoke answered HTTP " + answer.status() + ": " + answer.body());
        }
        String[] parts = answer.body().split(" ");
        if (parts.length != 2 || !parts[0].equals(answer.requestId())) {
            throw new IOException("crossed invocations: request " + answer.requestId() + " answered " + answer.body());
        }
        return Long.parseLong(parts[1]);
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
