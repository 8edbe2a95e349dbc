package dev.runway.bootstrap.it;

import dev.runway.ric.testing.Prerequisite;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One conformance suite, two platforms: the same requests to Runway's local mode and to the real RIE (legacy
 * mode), each running the real {@code bootstrap}, and the same answers expected. Where the two differ on
 * purpose, the test says so and checks each; docs/local-mode.md lists every difference and why. The RIE half
 * skips, loudly, when the RIE is not installed (fails under CI: {@link Prerequisite}).
 */
class ConformanceIT {

    /** The platforms under test. .ci/run counts the RIE side as the cases named "...(Target)[2]": keep RIE second. */
    enum Target { LOCAL, RIE }

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELLO = "dev.runway.samples.hello.HelloHandler";

    @TempDir
    Path temp;

    private final List<RunningProcess> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void stop() {
        for (RunningProcess process : processes) {
            process.close();
            System.out.println(process.output());
        }
    }

    /** Starts the platform with {@code bootstrap <handler>} in the task root; returns the invoke URL. */
    private URI start(Target target, Path taskRoot, String handler, Map<String, String> extraEnv) throws IOException {
        int port = LocalEmulator.freePort();
        Map<String, String> env = RunningProcess.baseEnvironment();
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.putAll(extraEnv);
        List<String> command;
        if (target == Target.RIE) {
            command = List.of(Rie.require().toString(), "--runtime-interface-emulator-address", "127.0.0.1:" + port,
                    "--runtime-api-address", "127.0.0.1:" + LocalEmulator.freePort(),
                    Distribution.bootstrap().toAbsolutePath().toString(), handler);
        } else {
            command = List.of(Distribution.bootstrap().toAbsolutePath().toString(), "--port", Integer.toString(port),
                    "--no-extensions", handler);
        }
        RunningProcess process = RunningProcess.start(target.name().toLowerCase() + "-" + processes.size(), command, env,
                taskRoot, temp);
        processes.add(process);
        process.awaitListening(port, Duration.ofSeconds(60));
        return URI.create("http://127.0.0.1:" + port + "/2015-03-31/functions/function/invocations");
    }

    private HttpResponse<String> invoke(URI uri, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(WAIT).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void sequentialInvocationsReuseTheRuntime(Target target) throws Exception {
        URI uri = start(target, Distribution.sampleFunction(), HELLO, Map.of());

        HttpResponse<String> first = invoke(uri, "{\"name\":\"Ada\"}");
        HttpResponse<String> second = invoke(uri, "{\"name\":\"Grace\"}");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"message\":\"Hello, Ada!\"}");
        assertThat(second.body()).isEqualTo("{\"message\":\"Hello, Grace!\"}");
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void theContextCarriesArnDeadlineClientContextAndAByteExactPayload(Target target) throws Exception {
        URI uri = start(target, TestFunctions.taskRoot(temp.resolve("task")), TestFunctions.CONTEXT,
                Map.of("AWS_LAMBDA_FUNCTION_NAME", "custom-name", "AWS_LAMBDA_FUNCTION_TIMEOUT", "10", "MyEnv", "4=4"));
        String clientContext = Base64.getEncoder().encodeToString("{\"custom\":{\"foo\":\"bar\"}}".getBytes());

        HttpResponse<String> response = invoke(uri, "héllo = wörld ✓", "X-Amz-Client-Context", clientContext);
        HttpResponse<String> empty = invoke(uri, "");

        Map<String, String> seen = fields(response.body());
        assertThat(seen.get("arn")).isEqualTo("arn:aws:lambda:us-east-1:012345678912:function:custom-name");
        assertThat(seen.get("functionName")).isEqualTo("custom-name");
        assertThat(Long.parseLong(seen.get("remainingMs"))).isBetween(8_000L, 10_000L);
        assertThat(seen.get("clientContext")).isEqualTo("{foo=bar}");
        assertThat(seen.get("payload")).isEqualTo("héllo = wörld ✓");
        assertThat(fields(empty.body()).get("payloadBytes")).isEqualTo("0");
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void theDefaultDeadlineIs300Seconds(Target target) throws Exception {
        URI uri = start(target, TestFunctions.taskRoot(temp.resolve("task")), TestFunctions.CONTEXT, Map.of());

        long remaining = Long.parseLong(fields(invoke(uri, "{}").body()).get("remainingMs"));

        assertThat(remaining).isBetween(298_000L, 300_000L);
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void aFunctionErrorIs200WithTheErrorDocument(Target target) throws Exception {
        URI uri = start(target, Distribution.sampleFunction(), "dev.runway.samples.failing.FailingHandler", Map.of());

        HttpResponse<String> response = invoke(uri, "{\"orderId\":42}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.path("errorMessage").asText()).isEqualTo("Order 42 cannot be shipped");
        assertThat(error.path("stackTrace").isArray()).isTrue();
        // Known difference: Lambda marks a function error with X-Amz-Function-Error; the RIE does not (RIE #20).
        assertThat(response.headers().firstValue("X-Amz-Function-Error").isPresent()).isEqualTo(target == Target.LOCAL);
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void anInitFailureIs502WithTheInitErrorAndIsRetried(Target target) throws Exception {
        URI uri = start(target, Distribution.sampleFunction(), "dev.runway.samples.NoSuchHandler", Map.of());

        for (HttpResponse<String> response : List.of(invoke(uri, "{}"), invoke(uri, "{}"))) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
            assertThat(JSON.readTree(response.body()).path("errorMessage").asText()).contains("dev.runway.samples.NoSuchHandler");
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void aTimeoutIsPlainTextAndTheNextInvokeGetsAFreshRuntime(Target target) throws Exception {
        URI uri = start(target, TestFunctions.taskRoot(temp.resolve("task")), TestFunctions.SLEEP,
                Map.of("AWS_LAMBDA_FUNCTION_TIMEOUT", "3"));

        HttpResponse<String> timedOut = invoke(uri, "600000");
        HttpResponse<String> next = invoke(uri, "0");

        assertThat(timedOut.statusCode()).isEqualTo(200);
        assertThat(timedOut.body()).isEqualTo("Task timed out after 3.00 seconds");
        assertThat(next.body()).isEqualTo("slept 0 ms");
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void aCrashIs502RuntimeExitErrorAndTheNextInvokeWorks(Target target) throws Exception {
        URI uri = start(target, TestFunctions.taskRoot(temp.resolve("task")), TestFunctions.EXIT, Map.of());
        assertThat(invoke(uri, "ok").body()).isEqualTo("alive");

        HttpResponse<String> crashed = invoke(uri, "3");
        HttpResponse<String> next = invoke(uri, "ok");

        assertThat(crashed.statusCode()).isEqualTo(502);
        JsonNode error = JSON.readTree(crashed.body());
        assertThat(error.path("errorType").asText()).isEqualTo("Runtime.ExitError");
        assertThat(error.path("errorMessage").asText()).endsWith("Error: Runtime exited with error: exit status 3");
        assertThat(next.body()).isEqualTo("alive");
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void theLargestResponseIsAcceptedAndOneByteMoreIsFunctionResponseSizeTooLarge(Target target) throws Exception {
        URI uri = start(target, TestFunctions.taskRoot(temp.resolve("task")), TestFunctions.SIZED, Map.of());

        HttpResponse<String> largest = invoke(uri, "6291556");
        HttpResponse<String> tooLarge = invoke(uri, "6291557");

        assertThat(largest.statusCode()).isEqualTo(200);
        assertThat(largest.body()).hasSize(6_291_556);
        assertThat(tooLarge.statusCode()).isEqualTo(200);
        JsonNode error = JSON.readTree(tooLarge.body());
        assertThat(error.path("errorType").asText()).isEqualTo("Function.ResponseSizeTooLarge");
        assertThat(error.path("errorMessage").asText()).isEqualTo(
                "Response payload size (6291557 bytes) exceeded maximum allowed payload size (6291556 bytes).");
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void aClientContextThatIsNotBase64Is500(Target target) throws Exception {
        URI uri = start(target, Distribution.sampleFunction(), HELLO, Map.of());

        HttpResponse<String> response = invoke(uri, "{}", "X-Amz-Client-Context", "%%%");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEmpty();
    }

    private static Map<String, String> fields(String body) {
        Map<String, String> map = new HashMap<>();
        for (String line : body.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                map.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return map;
    }
}
