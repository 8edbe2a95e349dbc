package dev.runway.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak: under local mode, 32 runtime loops ({@code AWS_LAMBDA_MAX_CONCURRENCY=32}) and 32 callers; under the
 * RIE, one loop and one caller, since its legacy mode serializes invokes (it fails on concurrent ones) and its
 * Lambda Managed Instances mode, the one that takes concurrent invokes, only starts a bootstrap from
 * {@code /var/runtime}, {@code /var/task} or {@code /opt}, as user 993: a container's layout, not this
 * machine's. A mixed load (ok, error, slow, an occasional {@code StackOverflowError}). Every answer is checked against its request (id
 * and payload hash): 0 lost, 0 crossed, 0 duplicated. The runtime's (and local mode's) RSS, threads and file
 * descriptors are read after warm-up and at the end, and must not have grown beyond a tolerance.
 *
 * <p>Bounded by count: {@code -Dsoak.invokes=N} per target (default 1,500, under a minute here); the hour-long
 * form is in docs/reliability.md. A watchdog fails a hang.
 */
class SoakIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LOOPS = 32;
    private static final int INVOKES = Integer.getInteger("soak.invokes", 1_500);
    private static final Duration WATCHDOG = Duration.ofMinutes(Math.max(10, INVOKES / 500));

    @TempDir
    Path temp;

    @Test
    void localMode() throws Exception {
        Path task = TestFunctions.taskRoot(temp.resolve("task"));
        try (LocalEmulator emulator = LocalEmulator.start("soak-local", task, "dev.runway.testfunctions.SoakHandler",
                environment(), List.of(), temp)) {
            soak("local mode", emulator.invocations, emulator.process.pid(), LOOPS);
        }
    }

    @Test
    void rie() throws Exception {
        Path rie = Rie.require();
        Path task = TestFunctions.taskRoot(temp.resolve("task"));
        int invokePort = LocalEmulator.freePort();
        int apiPort = LocalEmulator.freePort();
        Map<String, String> env = RunningProcess.baseEnvironment();
        env.put("LAMBDA_TASK_ROOT", task.toString());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        env.put("AWS_LAMBDA_FUNCTION_TIMEOUT", "60");
        try (RunningProcess process = RunningProcess.start("soak-rie", List.of(rie.toString(),
                        "--runtime-interface-emulator-address", "127.0.0.1:" + invokePort,
                        "--runtime-api-address", "127.0.0.1:" + apiPort,
                        Distribution.bootstrap().toAbsolutePath().toString(), "dev.runway.testfunctions.SoakHandler"),
                env, task, temp)) {
            process.awaitListening(invokePort, Duration.ofSeconds(30));
            soak("RIE", URI.create("http://127.0.0.1:" + invokePort + "/2015-03-31/functions/function/invocations"),
                    process.pid(), 1);
        }
    }

    private static Map<String, String> environment() {
        return Map.of("AWS_LAMBDA_MAX_CONCURRENCY", Integer.toString(LOOPS), "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512",
                "AWS_LAMBDA_FUNCTION_TIMEOUT", "60");
    }

    private void soak(String target, URI invocations, long rootPid, int callers) {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            Tally tally = new Tally();
            int warmUp = INVOKES / 5;
            run(http, invocations, warmUp, tally, 1, callers);
            Resources afterWarmUp = Resources.of(rootPid);
            run(http, invocations, INVOKES - warmUp, tally, 2, callers);
            Resources atEnd = Resources.of(rootPid);
            String figures = target + " (" + callers + " callers, " + INVOKES + " invokes): " + tally + "; after warm-up " + afterWarmUp + "; at the end " + atEnd;
            System.out.println("[soak] " + figures);
            Files.writeString(Path.of("target", "soak-" + target.replace(' ', '-') + ".txt"), figures + "\n");

            assertThat(tally.answered.get()).as(figures).isEqualTo(INVOKES);
            assertThat(tally.lost.get()).as(figures).isZero();
            assertThat(tally.crossed.get()).as(figures).isZero();
            assertThat(tally.duplicated.get()).as(figures).isZero();
            atEnd.assertFlatSince(afterWarmUp);
        });
    }

    /** Sends {@code count} invokes from {@code callerCount} threads and checks each answer against its request. */
    private static void run(HttpClient http, URI invocations, int count, Tally tally, long seed, int callerCount)
            throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(callerCount);
        try {
            AtomicInteger left = new AtomicInteger(count);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < callerCount; c++) {
                Random random = new Random(seed * 1_000 + c);
                done.add(callers.submit(() -> {
                    while (left.getAndDecrement() > 0) {
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
            if (response.statusCode() == 400 && response.body().contains("Runtime.Unavailable")) {
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
        final AtomicLong answered = new AtomicLong();
        final AtomicLong lost = new AtomicLong();
        final AtomicLong crossed = new AtomicLong();
        final AtomicLong duplicated = new AtomicLong();
        final AtomicLong retries = new AtomicLong();

        @Override
        public String toString() {
            return answered + " answered, " + lost + " lost, " + crossed + " crossed, " + duplicated + " duplicated ("
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

        /** Threads within 4, descriptors within 8, RSS within 64 MiB or a quarter of its size. */
        void assertFlatSince(Resources before) {
            assertThat(byPid.keySet()).as("the same processes").isEqualTo(before.byPid.keySet());
            before.byPid.forEach((pid, b) -> {
                long[] a = byPid.get(pid);
                assertThat(a[1]).as("threads of %d", pid).isLessThanOrEqualTo(b[1] + 4);
                assertThat(a[2]).as("file descriptors of %d", pid).isLessThanOrEqualTo(b[2] + 8);
                assertThat(a[0]).as("RSS MiB of %d", pid).isLessThanOrEqualTo(Math.max(b[0] + 64, b[0] * 5 / 4));
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
