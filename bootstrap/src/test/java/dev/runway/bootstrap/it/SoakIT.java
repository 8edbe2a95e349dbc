package dev.runway.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runway.ric.testing.Prerequisite;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak: 32 runtime loops ({@code AWS_LAMBDA_MAX_CONCURRENCY=32}) and 32 callers, under local mode and under
 * the RIE in its Lambda Managed Instances mode (the mode that takes concurrent invokes). A mixed load (ok, error,
 * slow, an occasional {@code StackOverflowError}). Every answer is checked against its request (id and payload
 * hash): 0 lost, 0 crossed, 0 duplicated. The runtime's (and local mode's) RSS, threads and file descriptors are
 * read after warm-up and at the end, and must not have grown beyond a tolerance.
 *
 * <p>The RIE's Managed Instances mode starts its bootstrap only from {@code /var/runtime}, {@code /var/task} or
 * {@code /opt}, in {@code /var/task}, as user 993. The test gives it that layout in a private mount namespace
 * ({@code unshare -m}, as root): a tmpfs over {@code /var} holding {@code /var/runtime/bootstrap} (which starts
 * the distribution's {@code bootstrap}) and the task root bound at {@code /var/task}. The host's {@code /var} is
 * untouched.
 *
 * <p>Bounded by count, {@code -Dsoak.invokes=N} per target (default 3,000, under a minute here), or by time,
 * {@code -Dsoak.minutes=M} per target; {@code -Dsoak.rate=R} paces all callers together to R invokes a second
 * (default: as fast as they go), so that a long run leaves a shared machine usable. Each run writes its figures to
 * {@code target/soak-<target>.txt} and a resource sample a minute to {@code target/soak-<target>-samples.txt}.
 * A watchdog fails a hang.
 */
class SoakIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LOOPS = 32;
    private static final int INVOKES = Integer.getInteger("soak.invokes", 3_000);
    /** When positive, each target runs this long instead of {@link #INVOKES} invokes. */
    private static final long MINUTES = Long.getLong("soak.minutes", 0);
    /** Invokes a second, all callers together; 0 for as fast as they go. */
    private static final int RATE = Integer.getInteger("soak.rate", 0);
    private static final Duration SAMPLE_EVERY = Duration.ofMinutes(1);
    private static final Duration WATCHDOG = MINUTES > 0
            ? Duration.ofMinutes(MINUTES + 10)
            : Duration.ofMinutes(Math.max(10, INVOKES / 500));
    private static final String HANDLER = "dev.runway.testfunctions.SoakHandler";

    @TempDir
    Path temp;

    @Test
    void localMode() throws Exception {
        Path task = TestFunctions.taskRoot(temp.resolve("task"));
        try (LocalEmulator emulator = LocalEmulator.start("soak-local", task, HANDLER,
                environment(), List.of(), temp)) {
            soak("local mode", emulator.invocations, emulator.process, LOOPS);
        }
    }

    @Test
    void rieManagedInstances() throws Exception {
        Path rie = Rie.require();
        Process unshare = new ProcessBuilder("unshare", "-m", "true").redirectErrorStream(true).start();
        Prerequisite.require(unshare.waitFor() == 0, "RIE SOAK: unshare -m is not permitted here (the RIE's Managed"
                + " Instances mode needs the bootstrap at /var/runtime and the task at /var/task: a private mount"
                + " namespace, as root)");
        Path task = TestFunctions.taskRoot(temp.resolve("task"));
        int invokePort = LocalEmulator.freePort();
        int apiPort = LocalEmulator.freePort();
        Map<String, String> env = RunningProcess.baseEnvironment();
        env.putAll(environment());
        // The RIE takes the handler from here; the bootstrap it starts gets it as _HANDLER.
        env.put("AWS_LAMBDA_FUNCTION_HANDLER", HANDLER);
        // This mode defaults to JSON logs, and reads the runtime's output a line at a time with a 64 KiB line cap:
        // a longer line (the JSON record of a StackOverflowError, 1,024 frames, is over 65 KB) stops its reader
        // for good, the pipe fills, and every loop then blocks on its next write. Text logs put each frame on its
        // own line. docs/reliability.md has the details.
        env.put("AWS_LAMBDA_LOG_FORMAT", "Text");
        // In a private mount namespace: a tmpfs over /var with the layout the mode expects, the rest of the host
        // as it is. The runtime runs as user 993: the task root and the distribution must be readable by all.
        String script = "set -e; mount -t tmpfs runway-soak /var; mkdir -m 755 /var/task /var/runtime;"
                + " mount --bind \"$1\" /var/task;"
                + " printf '#!/bin/sh\\nexec %s \"$@\"\\n' \"$2\" > /var/runtime/bootstrap;"
                + " chmod 755 /var/runtime/bootstrap; shift 2; exec \"$@\"";
        try (RunningProcess process = RunningProcess.start("soak-rie", List.of("unshare", "-m", "sh", "-c", script,
                        "sh", task.toString(), Distribution.bootstrap().toAbsolutePath().toString(), rie.toString(),
                        "--runtime-interface-emulator-address", "127.0.0.1:" + invokePort,
                        "--runtime-api-address", "127.0.0.1:" + apiPort),
                env, temp, temp)) {
            process.awaitListening(invokePort, Duration.ofSeconds(30));
            soak("RIE", URI.create("http://127.0.0.1:" + invokePort + "/2015-03-31/functions/function/invocations"),
                    process, LOOPS);
        }
    }

    private static Map<String, String> environment() {
        return Map.of("AWS_LAMBDA_MAX_CONCURRENCY", Integer.toString(LOOPS), "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512",
                "AWS_LAMBDA_FUNCTION_TIMEOUT", "60");
    }

    private void soak(String target, URI invocations, RunningProcess process, int callers) throws IOException {
        String name = target.replace(' ', '-');
        try {
            soak(target, name, invocations, process.pid(), callers);
        } catch (AssertionError | RuntimeException e) {
            // The processes' own account of a failure, kept past the temporary directory (its end: a long run's
            // whole log would be large).
            String output = process.output();
            Files.writeString(Path.of("target", "soak-" + name + "-output.txt"),
                    output.substring(Math.max(0, output.length() - 4_000_000)));
            throw e;
        }
    }

    private void soak(String target, String name, URI invocations, long rootPid, int callers) {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            Tally tally = new Tally();
            Pacer pacer = new Pacer(RATE);
            long start = System.nanoTime();
            Path samples = Path.of("target", "soak-" + name + "-samples.txt");
            try (Sampler sampler = new Sampler(samples, rootPid, tally, start)) {
                run(http, invocations, budget(5), tally, 1, callers, pacer);
                Resources afterWarmUp = Resources.of(rootPid);
                run(http, invocations, budget(5.0 / 4), tally, 2, callers, pacer);
                Resources atEnd = Resources.of(rootPid);
                long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
                String figures = target + " (" + LOOPS + " loops, " + callers + " callers, "
                        + (MINUTES > 0 ? MINUTES + " minutes" : INVOKES + " invokes")
                        + (RATE > 0 ? " paced at " + RATE + "/s" : "") + ", " + seconds + " s): " + tally
                        + "; after warm-up " + afterWarmUp + "; at the end " + atEnd;
                System.out.println("[soak] " + figures);
                Files.writeString(Path.of("target", "soak-" + name + ".txt"), figures + "\n");

                if (MINUTES <= 0) {
                    assertThat(tally.sent.get()).as(figures).isEqualTo(INVOKES);
                }
                assertThat(tally.answered.get()).as(figures).isEqualTo(tally.sent.get());
                assertThat(tally.lost.get()).as(figures).isZero();
                assertThat(tally.crossed.get()).as(figures).isZero();
                assertThat(tally.duplicated.get()).as(figures).isZero();
                atEnd.assertFlatSince(afterWarmUp);
            }
        });
    }

    /**
     * The invokes of one phase: the first fifth of the run (the warm-up) is {@code budget(5)}, the rest
     * {@code budget(5.0 / 4)} (four fifths).
     */
    private static Budget budget(double divisor) {
        if (MINUTES > 0) {
            long deadline = System.nanoTime() + (long) (Duration.ofMinutes(MINUTES).toNanos() / divisor);
            return () -> System.nanoTime() < deadline;
        }
        AtomicInteger left = new AtomicInteger((int) Math.round(INVOKES / divisor));
        return () -> left.getAndDecrement() > 0;
    }

    /** Whether the run goes on: a count or a deadline. */
    @FunctionalInterface
    private interface Budget {
        boolean takeOne();
    }

    /** Spaces the invokes of all callers together at a rate, when one is set. */
    private static final class Pacer {
        private final long intervalNanos;
        private final AtomicLong next = new AtomicLong(System.nanoTime());

        Pacer(int perSecond) {
            intervalNanos = perSecond > 0 ? 1_000_000_000L / perSecond : 0;
        }

        void awaitTurn() throws InterruptedException {
            if (intervalNanos == 0) {
                return;
            }
            // A caller that was slow does not make up for it in a burst: a slot in the past moves to now.
            long now = System.nanoTime();
            long slot = next.getAndUpdate(n -> Math.max(n, now) + intervalNanos);
            long wait = Math.max(slot, now) - now;
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
        }
    }

    /** Sends invokes from {@code callerCount} threads while the budget lasts and checks each answer. */
    private static void run(HttpClient http, URI invocations, Budget budget, Tally tally, long seed, int callerCount,
            Pacer pacer) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(callerCount);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < callerCount; c++) {
                Random random = new Random(seed * 1_000 + c);
                done.add(callers.submit(() -> {
                    while (budget.takeOne()) {
                        pacer.awaitTurn();
                        tally.sent.incrementAndGet();
                        invokeAndCheck(http, invocations, random, tally);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            callers.shutdownNow();
        }
    }

    /** Writes the resources of the process tree and the tally so far, once a minute, for drift over a long run. */
    private static final class Sampler implements AutoCloseable {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        Sampler(Path file, long rootPid, Tally tally, long start) throws IOException {
            Files.writeString(file, "");
            timer.scheduleAtFixedRate(() -> {
                try {
                    long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
                    Files.writeString(file, seconds + " s: " + tally + "; " + Resources.of(rootPid) + "\n",
                            StandardOpenOption.APPEND);
                } catch (IOException | RuntimeException e) {
                    System.err.println("[soak] sample failed: " + e);
                }
            }, SAMPLE_EVERY.toSeconds(), SAMPLE_EVERY.toSeconds(), TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    private static void invokeAndCheck(HttpClient http, URI invocations, Random random, Tally tally)
            throws IOException, InterruptedException {
        int roll = random.nextInt(1_000);
        String kind = roll < 5 ? "soe" : roll < 150 ? "error" : roll < 300 ? "slow" : "ok";
        String id = UUID.randomUUID().toString();
        byte[] data = new byte[16 + random.nextInt(2_000)];
        random.nextBytes(data);
        String payload = HexFormat.of().formatHex(data);
        String expected = id + " " + sha256(payload);
        HttpResponse<String> response = null;
        for (int attempt = 0; attempt < 1_000; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(invocations).timeout(Duration.ofSeconds(90))
                    .POST(HttpRequest.BodyPublishers.ofString(kind + " " + id + " " + payload)).build();
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                tally.lost.incrementAndGet();
                return;
            }
            // Under Lambda Managed Instances, an invoke that finds no loop waiting in /next is refused at once:
            // the caller tries again (Lambda's own clients do). Not an answer, not a loss.
            if (response.statusCode() == 400 && (response.body().contains("Runtime.Unavailable")
                    || response.headers().firstValue("Error-Type").orElse("").equals("Runtime.Unavailable"))) {
                tally.retries.incrementAndGet();
                Thread.sleep(1);
                continue;
            }
            break;
        }
        tally.answered.incrementAndGet();
        String body = response.body();
        if (body.contains("DUPLICATE")) {
            tally.duplicated.incrementAndGet();
        }
        boolean matches = switch (kind) {
            case "ok", "slow" -> response.statusCode() == 200 && body.startsWith(expected);
            case "error" -> errorMessage(body).map(m -> m.startsWith(expected)).orElse(false);
            case "soe" -> body.contains("java.lang.StackOverflowError");
            default -> false;
        };
        if (!matches) {
            tally.crossed.incrementAndGet();
            System.err.println("[soak] " + kind + " " + id + " got " + response.statusCode() + " "
                    + body.substring(0, Math.min(300, body.length())));
        }
    }

    private static Optional<String> errorMessage(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return Optional.ofNullable(node.path("errorMessage").textValue());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String sha256(String data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Tally {
        final AtomicLong sent = new AtomicLong();
        final AtomicLong answered = new AtomicLong();
        final AtomicLong lost = new AtomicLong();
        final AtomicLong crossed = new AtomicLong();
        final AtomicLong duplicated = new AtomicLong();
        final AtomicLong retries = new AtomicLong();

        @Override
        public String toString() {
            return sent + " sent, " + answered + " answered, " + lost + " lost, " + crossed + " crossed, " + duplicated + " duplicated ("
                    + retries + " invokes refused as Runtime.Unavailable and sent again)";
        }
    }

    /** RSS, threads and descriptors of each Java process of the tree (the platform and the runtime). */
    private record Resources(Map<Long, long[]> byPid) {

        static Resources of(long rootPid) throws IOException {
            Map<Long, long[]> sample = new java.util.TreeMap<>();
            List<ProcessHandle> tree = new ArrayList<>();
            ProcessHandle.of(rootPid).ifPresent(tree::add);
            ProcessHandle.of(rootPid).ifPresent(p -> p.descendants().forEach(tree::add));
            for (ProcessHandle p : tree) {
                Path proc = Path.of("/proc", Long.toString(p.pid()));
                if (!p.info().command().orElse("").endsWith("java") || !Files.isDirectory(proc)) {
                    continue;
                }
                long rssKb = 0;
                long threads = 0;
                for (String line : Files.readAllLines(proc.resolve("status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rssKb = Long.parseLong(line.replaceAll("\\D", ""));
                    } else if (line.startsWith("Threads:")) {
                        threads = Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
                long fds;
                try (var list = Files.list(proc.resolve("fd"))) {
                    fds = list.count();
                }
                sample.put(p.pid(), new long[] {rssKb / 1024, threads, fds});
            }
            return new Resources(sample);
        }

        /**
         * Threads within 4, descriptors within 8, RSS within 96 MiB or a quarter of its size. The RSS margin is
         * the heap's: a 512 MB function's JVM may use a heap of 445 MB, whose pages count in RSS only once first
         * used, so in a run of a few thousand invokes RSS still grows after warm-up (by up to 73 MiB here, under
         * load) with nothing leaking. A per-invocation leak shows in the long run's per-minute samples; threads
         * and descriptors show one in the short run too.
         */
        void assertFlatSince(Resources before) {
            assertThat(byPid.keySet()).as("the same processes").isEqualTo(before.byPid.keySet());
            before.byPid.forEach((pid, b) -> {
                long[] a = byPid.get(pid);
                assertThat(a[1]).as("threads of %d", pid).isLessThanOrEqualTo(b[1] + 4);
                assertThat(a[2]).as("file descriptors of %d", pid).isLessThanOrEqualTo(b[2] + 8);
                assertThat(a[0]).as("RSS MiB of %d", pid).isLessThanOrEqualTo(Math.max(b[0] + 96, b[0] * 5 / 4));
            });
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            byPid.forEach((pid, v) -> s.append("[pid ").append(pid).append(": RSS ").append(v[0]).append(" MiB, ")
                    .append(v[1]).append(" threads, ").append(v[2]).append(" fds]"));
            return s.toString();
        }
    }
}
