package dev.runway.bootstrap.it;

import dev.runway.ric.testing.Prerequisite;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code bootstrap} under the real Runtime Interface Emulator, run as a plain process (legacy mode),
 * invoked over its HTTP endpoint as SAM and the AWS base images do. Skipped, loudly, when the RIE is not
 * installed (failed under CI: {@link Prerequisite}). Invocations are sequential: the RIE crashes on concurrent ones.
 */
class RieIT {

    /** A bound on every wait, never a measure of speed. */
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path rie;

    @TempDir
    Path temp;

    private final List<RunningProcess> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A running emulator and the URL that invokes its function. */
    private record Emulator(RunningProcess process, URI invocations) {}

    @BeforeEach
    void requireTheEmulator() {
        rie = Rie.require();
    }

    @AfterEach
    void stopEverything() {
        for (RunningProcess process : processes) {
            process.close();
            System.out.println(process.output());
        }
    }

    @Test
    void helloAnswersThroughTheEmulatorAgainAndAgain() throws Exception {
        Emulator emulator = start(Distribution.sampleFunction(), "dev.runway.samples.hello.HelloHandler", Map.of());

        HttpResponse<String> first = invoke(emulator, "{\"name\":\"Ada\"}");
        HttpResponse<String> second = invoke(emulator, "{\"name\":\"Grace\"}");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"message\":\"Hello, Ada!\"}");
        assertThat(second.body()).isEqualTo("{\"message\":\"Hello, Grace!\"}");
    }

    @Test
    void aThrowingHandlerGivesTheCallerTheErrorPayload() throws Exception {
        Emulator emulator = start(Distribution.sampleFunction(), "dev.runway.samples.failing.FailingHandler", Map.of());

        HttpResponse<String> response = invoke(emulator, "{\"orderId\":42}");

        // The legacy RIE answers a function error with 200 and the /error body, verbatim.
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.path("errorMessage").asText()).isEqualTo("Order 42 cannot be shipped");
        assertThat(error.path("stackTrace").isArray()).isTrue();
        assertThat(error.path("stackTrace").toString()).contains("dev.runway.samples.failing.FailingHandler");
    }

    @Test
    void anInitFailureIs502WithTheInitErrorBody() throws Exception {
        Emulator emulator = start(Distribution.sampleFunction(), "dev.runway.samples.NoSuchHandler", Map.of());

        HttpResponse<String> response = invoke(emulator, "{}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("errorType").asText()).isNotBlank();
        assertThat(error.path("errorMessage").asText()).contains("dev.runway.samples.NoSuchHandler");
    }

    @Test
    void aTimedOutInvocationIsReportedAndTheNextOneRunsInAFreshRuntime() throws Exception {
        // 3 s rather than 1: the invocation after a timeout starts a new JVM within the same limit, and a
        // shared CI machine must not make that flaky.
        Emulator emulator = start(TestFunctions.taskRoot(temp.resolve("task")), TestFunctions.SLEEP,
                Map.of("AWS_LAMBDA_FUNCTION_TIMEOUT", "3"));

        HttpResponse<String> timedOut = invoke(emulator, "600000");
        HttpResponse<String> next = invoke(emulator, "0");

        assertThat(timedOut.statusCode()).isEqualTo(200);
        assertThat(timedOut.body()).isEqualTo("Task timed out after 3.00 seconds");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("slept 0 ms");
    }

    /**
     * Starts {@code aws-lambda-rie <bootstrap> <handler>} on free loopback ports, in the task root, and waits
     * until it listens.
     */
    private Emulator start(Path taskRoot, String handler, Map<String, String> extraEnvironment) throws IOException {
        int invokePort = LocalEmulator.freePort();
        int runtimeApiPort = LocalEmulator.freePort();
        Map<String, String> env = RunningProcess.baseEnvironment();
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.putAll(extraEnvironment);
        RunningProcess process = RunningProcess.start("rie-" + processes.size(), List.of(
                        rie.toString(),
                        "--runtime-interface-emulator-address", "127.0.0.1:" + invokePort,
                        "--runtime-api-address", "127.0.0.1:" + runtimeApiPort,
                        Distribution.bootstrap().toAbsolutePath().toString(),
                        handler),
                env, taskRoot, temp);
        processes.add(process);
        process.awaitListening(invokePort, Duration.ofSeconds(30));
        return new Emulator(process,
                URI.create("http://127.0.0.1:" + invokePort + "/2015-03-31/functions/function/invocations"));
    }

    private HttpResponse<String> invoke(Emulator emulator, String event) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(emulator.invocations())
                .timeout(WAIT)
                .POST(HttpRequest.BodyPublishers.ofString(event))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
