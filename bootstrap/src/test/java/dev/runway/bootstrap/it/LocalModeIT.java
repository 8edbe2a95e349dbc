package dev.runway.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runway.ric.testing.RecordedPost;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code bootstrap} without {@code AWS_LAMBDA_RUNTIME_API}: local mode, the embedded platform with the real
 * runtime as its child process, invoked over the RIE's endpoint as the RIE tests invoke the RIE.
 */
class LocalModeIT extends BootstrapTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HELLO = "dev.runway.samples.hello.HelloHandler";

    private final List<LocalEmulator> emulators = new ArrayList<>();

    @AfterEach
    void stopEmulators() {
        for (LocalEmulator emulator : emulators) {
            emulator.close();
            System.out.println(emulator.process.output());
        }
    }

    private LocalEmulator start(Path taskRoot, String handler, Map<String, String> env) throws Exception {
        LocalEmulator emulator = LocalEmulator.start("local-" + emulators.size(), taskRoot, handler, env, List.of(), temp);
        emulators.add(emulator);
        return emulator;
    }

    @Test
    void helloAnswersAgainAndAgainWithStartEndAndReportLines() throws Exception {
        LocalEmulator emulator = start(Distribution.sampleFunction(), HELLO, Map.of());

        HttpResponse<String> first = emulator.invoke("{\"name\":\"Ada\"}");
        HttpResponse<String> second = emulator.invoke("{\"name\":\"Grace\"}");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("{\"message\":\"Hello, Ada!\"}");
        assertThat(second.body()).isEqualTo("{\"message\":\"Hello, Grace!\"}");
        String firstId = first.headers().firstValue("X-Amzn-RequestId").orElseThrow();
        String secondId = second.headers().firstValue("X-Amzn-RequestId").orElseThrow();
        String out = emulator.process.awaitStdout("END RequestId: " + secondId, LocalEmulator.WAIT);
        assertThat(out).contains("START RequestId: " + firstId + " Version: $LATEST", "END RequestId: " + firstId,
                "START RequestId: " + secondId + " Version: $LATEST", "END RequestId: " + secondId);
        Matcher report = Pattern.compile("REPORT RequestId: " + firstId
                + "\tDuration: ([0-9.]+) ms\tBilled Duration: ([0-9]+) ms\tMemory Size: 3008 MB\tMax Memory Used: ([0-9]+) MB"
                + "\tInit Duration: ([0-9.]+) ms\t").matcher(out);
        assertThat(report.find()).as(out).isTrue();
        double duration = Double.parseDouble(report.group(1));
        double init = Double.parseDouble(report.group(4));
        // A custom runtime's init is billed with the first invocation.
        assertThat(Long.parseLong(report.group(2))).isEqualTo((long) Math.ceil(duration + init));
        // The real numbers of a real JVM: it takes time to start and some tens of MB.
        assertThat(init).isGreaterThan(10);
        assertThat(Long.parseLong(report.group(3))).isGreaterThan(10);
        assertThat(out).containsPattern("REPORT RequestId: " + secondId + "\tDuration: [0-9.]+ ms\tBilled Duration: [0-9]+ ms"
                + "\tMemory Size: 3008 MB\tMax Memory Used: [0-9]+ MB\t\n");
    }

    @Test
    void theInvocationCarriesTheRieHeadersToTheHandler() throws Exception {
        LocalEmulator emulator = start(TestFunctions.taskRoot(temp.resolve("task")), TestFunctions.CONTEXT,
                Map.of("AWS_LAMBDA_FUNCTION_NAME", "my-function", "AWS_LAMBDA_FUNCTION_TIMEOUT", "10"));
        String clientContext = Base64.getEncoder().encodeToString(
                "{\"custom\":{\"k\":\"v\"},\"client\":{},\"env\":{}}".getBytes());

        HttpResponse<String> response = emulator.invoke("héllo=wörld", Map.of("X-Amz-Client-Context", clientContext));

        Map<String, String> seen = lines(response.body());
        assertThat(seen.get("requestId")).isEqualTo(response.headers().firstValue("X-Amzn-RequestId").orElseThrow());
        assertThat(seen.get("arn")).isEqualTo("arn:aws:lambda:us-east-1:012345678912:function:my-function");
        assertThat(seen.get("functionName")).isEqualTo("my-function");
        assertThat(Long.parseLong(seen.get("remainingMs"))).isBetween(8_000L, 10_000L);
        assertThat(seen.get("clientContext")).isEqualTo("{k=v}");
        assertThat(seen.get("payload")).isEqualTo("héllo=wörld");
    }

    @Test
    void aThrowingHandlerGivesTheCallerTheErrorPayload() throws Exception {
        LocalEmulator emulator = start(Distribution.sampleFunction(), "dev.runway.samples.failing.FailingHandler", Map.of());

        HttpResponse<String> response = emulator.invoke("{\"orderId\":42}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.path("errorMessage").asText()).isEqualTo("Order 42 cannot be shipped");
        assertThat(error.path("stackTrace").toString()).contains("dev.runway.samples.failing.FailingHandler");
    }

    @Test
    void anInitFailureIs502WithTheInitErrorBodyAndTheNextInvokeTriesAgain() throws Exception {
        LocalEmulator emulator = start(Distribution.sampleFunction(), "dev.runway.samples.NoSuchHandler", Map.of());

        HttpResponse<String> first = emulator.invoke("{}");
        HttpResponse<String> second = emulator.invoke("{}");

        for (HttpResponse<String> response : List.of(first, second)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.path("errorType").asText()).isNotBlank();
            assertThat(error.path("errorMessage").asText()).contains("dev.runway.samples.NoSuchHandler");
        }
    }

    @Test
    void aTimedOutInvocationIsReportedAndTheNextOneRunsInAFreshRuntime() throws Exception {
        LocalEmulator emulator = start(TestFunctions.taskRoot(temp.resolve("task")), TestFunctions.SLEEP,
                Map.of("AWS_LAMBDA_FUNCTION_TIMEOUT", "3"));

        HttpResponse<String> timedOut = emulator.invoke("600000");
        HttpResponse<String> next = emulator.invoke("0");

        assertThat(timedOut.statusCode()).isEqualTo(200);
        assertThat(timedOut.body()).isEqualTo("Task timed out after 3.00 seconds");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("slept 0 ms");
        // A fresh init: the second REPORT has an Init Duration again.
        emulator.process.awaitStdout("END RequestId: " + next.headers().firstValue("X-Amzn-RequestId").orElseThrow(),
                LocalEmulator.WAIT);
        assertThat(emulator.process.stdout().split("Init Duration: ", -1)).hasSize(3);
        assertThat(emulator.process.stdout()).contains("Status: timeout");
    }

    @Test
    void aCrashIs502RuntimeExitErrorAndTheNextInvokeRunsInAFreshRuntime() throws Exception {
        LocalEmulator emulator = start(TestFunctions.taskRoot(temp.resolve("task")), TestFunctions.EXIT, Map.of());

        HttpResponse<String> crashed = emulator.invoke("3");
        HttpResponse<String> next = emulator.invoke("ok");

        assertThat(crashed.statusCode()).isEqualTo(502);
        JsonNode error = JSON.readTree(crashed.body());
        assertThat(error.path("errorType").asText()).isEqualTo("Runtime.ExitError");
        assertThat(error.path("errorMessage").asText()).matches(
                "RequestId: [0-9a-f-]{36} Error: Runtime exited with error: exit status 3");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("alive");
    }

    @Test
    void sigtermStopsTheRuntimeToo() throws Exception {
        LocalEmulator emulator = start(Distribution.sampleFunction(), HELLO, Map.of());
        assertThat(emulator.invoke("{\"name\":\"Ada\"}").statusCode()).isEqualTo(200);
        List<ProcessHandle> children = ProcessHandle.of(emulator.process.pid()).orElseThrow().descendants().toList();
        assertThat(children).isNotEmpty();

        emulator.terminate();

        for (ProcessHandle child : children) {
            assertThat(child.onExit()).succeedsWithin(LocalEmulator.WAIT);
        }
    }

    @Test
    void theLambdaPathLoadsNothingOfLocalModeNorNetty() throws Exception {
        Path classLog = temp.resolve("classes.log");
        RunningProcess runtime = startBootstrap(Distribution.sampleFunction(), HELLO,
                Map.of("RUNWAY_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + classLog));

        RecordedPost post = invoke(runtime, "{\"name\":\"Ada\"}");

        assertThat(post.bodyText()).isEqualTo("{\"message\":\"Hello, Ada!\"}");
        String loaded = Files.readString(classLog);
        assertThat(loaded).contains("dev.runway.bootstrap.Main");
        assertThat(loaded).doesNotContain("dev.runway.bootstrap.local", "netty", "runway-local.jar");
    }

    private static Map<String, String> lines(String body) {
        Map<String, String> map = new java.util.HashMap<>();
        for (String line : body.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                map.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return map;
    }
}
