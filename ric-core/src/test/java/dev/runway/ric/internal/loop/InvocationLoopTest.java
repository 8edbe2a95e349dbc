package dev.runway.ric.internal.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runway.ric.testing.Event;
import dev.runway.ric.testing.FakeRuntimeApi;
import dev.runway.ric.testing.RecordedPost;
import dev.runway.ric.testing.RuntimeUnderTest;
import dev.runway.ric.testing.handlers.ConcurrencyBarrierHandler;
import dev.runway.ric.testing.handlers.ContextReportingHandler;
import dev.runway.ric.testing.handlers.EchoStreamHandler;
import dev.runway.ric.testing.handlers.FailingHandler;
import dev.runway.ric.testing.handlers.GreetingHandler;
import dev.runway.ric.testing.handlers.InterruptingHandler;
import dev.runway.ric.testing.handlers.SizedResponseHandler;
import dev.runway.ric.testing.handlers.ThreadKindHandler;
import dev.runway.ric.testing.handlers.TraceReportingHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole runtime, init and loop, in this JVM against the fake Runtime API over real HTTP. */
class InvocationLoopTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path taskRoot;

    private FakeRuntimeApi api;

    @BeforeEach
    void startApi() throws Exception {
        api = FakeRuntimeApi.start();
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    private RuntimeUnderTest start(Class<?> handler) {
        return start(handler.getName(), Map.of());
    }

    private RuntimeUnderTest start(String handler, Map<String, String> env) {
        return RuntimeUnderTest.start(api, taskRoot, handler, env);
    }

    @Test
    void streamHandlerResponseIsByteExact() throws Exception {
        try (RuntimeUnderTest runtime = start(EchoStreamHandler.class)) {
            String payload = "{\"text\":\"a=b \u00e9\u4e2d\ud83d\ude00\"}";
            Event event = api.enqueue(payload);
            RecordedPost post = api.takePost();
            assertThat(post.kind()).isEqualTo(RecordedPost.Kind.RESPONSE);
            assertThat(post.requestId()).isEqualTo(event.requestId());
            assertThat(post.body()).isEqualTo(payload.getBytes(StandardCharsets.UTF_8));
            assertThat(post.header("Content-Type")).isEqualTo("application/json");
        }
    }

    @Test
    void emptyEventReachesTheHandlerAsEmptyInput() throws Exception {
        try (RuntimeUnderTest runtime = start(EchoStreamHandler.class)) {
            api.enqueue("");
            assertThat(api.takePost().body()).isEmpty();
        }
    }

    @Test
    void pojoHandlerReadsAndWritesJson() throws Exception {
        try (RuntimeUnderTest runtime = start(GreetingHandler.class)) {
            api.enqueue("{\"name\":\"Runway\"}");
            assertThat(api.takePost().bodyText()).isEqualTo("\"Hello, Runway!\"");
        }
    }

    @Test
    void invocationsShareOneKeepAliveConnection() throws Exception {
        try (RuntimeUnderTest runtime = start(EchoStreamHandler.class)) {
            for (int i = 0; i < 20; i++) {
                api.enqueue("{\"i\":" + i + "}");
                assertThat(api.takePost().bodyText()).isEqualTo("{\"i\":" + i + "}");
            }
            assertThat(api.connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void handlerExceptionIsReportedWithItsCauseChainAndWithoutRuntimeFrames() throws Exception {
        try (RuntimeUnderTest runtime = start(FailingHandler.class)) {
            Event event = api.enqueue("{}");
            RecordedPost post = api.takePost();
            assertThat(post.kind()).isEqualTo(RecordedPost.Kind.ERROR);
            assertThat(post.requestId()).isEqualTo(event.requestId());
            assertThat(post.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Runtime.UserException");
            assertThat(post.header("Content-Type")).isEqualTo("application/json");
            JsonNode body = JSON.readTree(post.body());
            assertThat(body.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
            assertThat(body.get("errorMessage").asText()).isEqualTo("order 42 cannot be priced");
            List<String> trace = new ArrayList<>();
            body.get("stackTrace").forEach(line -> trace.add(line.asText()));
            assertThat(trace.get(0)).startsWith(FailingHandler.class.getName() + ".handleRequest(FailingHandler.java:");
            assertThat(trace).contains("Caused by: java.lang.NumberFormatException: For input string: \"not a number\"");
            assertThat(trace).noneMatch(line -> line.startsWith("dev.runway.ric.internal."));
            JsonNode xray = JSON.readTree(post.header("Lambda-Runtime-Function-XRay-Error-Cause"));
            assertThat(xray.get("exceptions").get(0).get("type").asText()).isEqualTo("java.lang.IllegalStateException");
            assertThat(xray.get("exceptions").get(1).get("type").asText()).isEqualTo("java.lang.NumberFormatException");
            assertThat(xray.get("paths").toString()).contains("FailingHandler.java");

            // The loop goes on after an error.
            api.enqueue("{}");
            assertThat(api.takePost().kind()).isEqualTo(RecordedPost.Kind.ERROR);
        }
    }

    @Test
    void contextIsFilledFromHeadersAndEnvironment() throws Exception {
        try (RuntimeUnderTest runtime = start(ContextReportingHandler.class)) {
            Event event = api.enqueue(Event.of("{}")
                    .withHeader("Lambda-Runtime-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")
                    .withHeader("Lambda-Runtime-Aws-Tenant-Id", "tenant-42")
                    .withHeader("Lambda-Runtime-Cognito-Identity", "{\"cognitoIdentityId\":\"id-1\",\"cognitoIdentityPoolId\":\"pool-1\"}")
                    .withHeader("Lambda-Runtime-Client-Context",
                            "{\"client\":{\"app_title\":\"Shop\"},\"custom\":{\"k\":\"v\"},\"env\":{\"platform\":\"Android\"}}"));
            String body = api.takePost().bodyText();
            assertThat(body).contains(
                    "requestId=" + event.requestId(),
                    "arn=arn:aws:lambda:us-east-1:012345678912:function:test_function",
                    "functionName=test_function",
                    "functionVersion=$LATEST",
                    "memory=512",
                    "logGroup=/aws/lambda/test_function",
                    "logStream=2026/11/21/[$LATEST]abc",
                    "remainingPositive=true",
                    "tenantId=tenant-42",
                    "traceId=Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
                    "traceProperty=Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
                    "identityId=id-1",
                    "identityPoolId=pool-1",
                    "clientAppTitle=Shop",
                    "clientCustom={k=v}",
                    "clientEnv={platform=Android}",
                    "logger=true",
                    "tccl=FunctionClassLoader");
        }
    }

    @Test
    void optionalHeadersMayBeAbsent() throws Exception {
        try (RuntimeUnderTest runtime = start(ContextReportingHandler.class)) {
            api.enqueue(Event.of("{}").withoutHeader("Lambda-Runtime-Deadline-Ms").withoutHeader("Lambda-Runtime-Invoked-Function-Arn"));
            String body = api.takePost().bodyText();
            assertThat(body).contains("arn=null", "remainingPositive=false", "tenantId=null", "traceId=null",
                    "traceProperty=null", "identityId=null", "clientAppTitle=null");
        }
    }

    @Test
    void responseOverThePlatformLimitIsReportedAsAnErrorAndTheLoopGoesOn() throws Exception {
        try (RuntimeUnderTest runtime = start(SizedResponseHandler.class)) {
            api.enqueue(Integer.toString(InvocationLoop.MAX_RESPONSE_BYTES + 1));
            RecordedPost post = api.takePost();
            assertThat(post.kind()).isEqualTo(RecordedPost.Kind.ERROR);
            assertThat(post.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Function.ResponseSizeTooLarge");
            assertThat(JSON.readTree(post.body()).get("errorMessage").asText()).isEqualTo(
                    "Response payload size (6291557 bytes) exceeded maximum allowed payload size (6291556 bytes).");

            api.enqueue(Integer.toString(InvocationLoop.MAX_RESPONSE_BYTES));
            RecordedPost exact = api.takePost();
            assertThat(exact.kind()).isEqualTo(RecordedPost.Kind.RESPONSE);
            assertThat(exact.body()).hasSize(InvocationLoop.MAX_RESPONSE_BYTES);
        }
    }

    @Test
    void responseThePlatformRefusesAsTooLargeIsReportedThroughError() throws Exception {
        try (RuntimeUnderTest runtime = start(EchoStreamHandler.class)) {
            api.replyToNextPost(413, "{\"errorMessage\":\"Exceeded maximum allowed payload size (6291556 bytes).\","
                    + "\"errorType\":\"RequestEntityTooLarge\"}");
            Event event = api.enqueue("{\"big\":true}");
            assertThat(api.takePost().kind()).isEqualTo(RecordedPost.Kind.RESPONSE);
            RecordedPost error = api.takePost();
            assertThat(error.kind()).isEqualTo(RecordedPost.Kind.ERROR);
            assertThat(error.requestId()).isEqualTo(event.requestId());
            assertThat(error.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Function.ResponseSizeTooLarge");

            api.enqueue("{}");
            assertThat(api.takePost().kind()).isEqualTo(RecordedPost.Kind.RESPONSE);
        }
    }

    @Test
    void unknownHandlerClassIsAnInitErrorAndTheRuntimeExits() throws Exception {
        RuntimeUnderTest runtime = start("com.example.DoesNotExist", Map.of());
        RecordedPost post = api.takePost();
        assertThat(post.kind()).isEqualTo(RecordedPost.Kind.INIT_ERROR);
        assertThat(post.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Runtime.BadFunctionCode");
        JsonNode body = JSON.readTree(post.body());
        assertThat(body.get("errorType").asText()).isEqualTo("java.lang.ClassNotFoundException");
        assertThat(body.get("errorMessage").asText()).startsWith("Class not found: com.example.DoesNotExist (searched the task root ");
        assertThat(runtime.awaitExit(Duration.ofSeconds(30))).isEqualTo(1);
        assertThat(api.nextCalls()).isZero();
    }

    @Test
    void interruptFlagLeftByTheHandlerDoesNotLeakIntoTheNextInvocation() throws Exception {
        try (RuntimeUnderTest runtime = start(InterruptingHandler.class)) {
            api.enqueue("{}");
            assertThat(api.takePost().bodyText()).isEqualTo("arrivedInterrupted=false");
            api.enqueue("{}");
            assertThat(api.takePost().bodyText()).isEqualTo("arrivedInterrupted=false");
        }
    }

    @Test
    void droppedConnectionIsReopenedAndNoInvocationIsLost() throws Exception {
        try (RuntimeUnderTest runtime = start(EchoStreamHandler.class)) {
            api.enqueue("{\"n\":1}");
            assertThat(api.takePost().bodyText()).isEqualTo("{\"n\":1}");
            api.dropNextConnection();
            api.enqueue("{\"n\":2}");
            assertThat(api.takePost().bodyText()).isEqualTo("{\"n\":2}");
            assertThat(api.connectionCount()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void maxConcurrencyRunsThatManyLoopsEachWithItsOwnConnection() throws Exception {
        try (RuntimeUnderTest runtime = start(ConcurrencyBarrierHandler.class.getName(),
                Map.of("AWS_LAMBDA_MAX_CONCURRENCY", "4"))) {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                ids.add(api.enqueue("{}").requestId());
            }
            Set<String> threads = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                RecordedPost post = api.takePost();
                assertThat(post.kind()).isEqualTo(RecordedPost.Kind.RESPONSE);
                String[] parts = post.bodyText().split(" ");
                assertThat(parts[1]).isEqualTo(post.requestId());
                assertThat(ids).contains(post.requestId());
                threads.add(parts[0]);
            }
            assertThat(threads).hasSize(4);
            assertThat(api.connectionCount()).isEqualTo(4);
        }
    }

    @Test
    void multiConcurrentModeLeavesTheGlobalTracePropertyAlone() throws Exception {
        System.clearProperty("com.amazonaws.xray.traceHeader");
        try (RuntimeUnderTest runtime = start(ContextReportingHandler.class.getName(),
                Map.of("AWS_LAMBDA_MAX_CONCURRENCY", "2"))) {
            api.enqueue(Event.of("{}").withHeader("Lambda-Runtime-Trace-Id", "Root=1-abc"));
            String body = api.takePost().bodyText();
            assertThat(body).contains("traceId=Root=1-abc", "traceProperty=null");
        }
    }

    @Test
    void traceIdIsPublishedPerThreadForTheAwsSdkAndRemovedAfterTheInvocation() throws Exception {
        try (RuntimeUnderTest runtime = start(TraceReportingHandler.class.getName(), Map.of("AWS_LAMBDA_MAX_CONCURRENCY", "2"))) {
            api.enqueue(Event.of("{}").withHeader("Lambda-Runtime-Trace-Id", "Root=1-def"));
            assertThat(api.takePost().bodyText()).isEqualTo("sdk=Root=1-def");
        }
    }

    @Test
    void traceIdIsClearedWhenTheNextInvocationHasNone() throws Exception {
        try (RuntimeUnderTest runtime = start(TraceReportingHandler.class)) {
            api.enqueue(Event.of("{}").withHeader("Lambda-Runtime-Trace-Id", "Root=1-ghi"));
            assertThat(api.takePost().bodyText()).isEqualTo("sdk=Root=1-ghi");
            api.enqueue("{}");
            assertThat(api.takePost().bodyText()).isEqualTo("sdk=null");
        }
    }

    @Test
    void loopsRunOnVirtualThreadsWhenAskedAndNeverMixUpRequests() throws Exception {
        try (RuntimeUnderTest runtime = start(ThreadKindHandler.class.getName(),
                Map.of("AWS_LAMBDA_MAX_CONCURRENCY", "8", "RUNWAY_LOOP_THREADS", "virtual"))) {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 32; i++) {
                ids.add(api.enqueue("{}").requestId());
            }
            for (int i = 0; i < 32; i++) {
                RecordedPost post = api.takePost();
                assertThat(post.bodyText()).startsWith("virtual=true name=runway-loop-").endsWith(" id=" + post.requestId());
                assertThat(ids.remove(post.requestId())).isTrue();
            }
            assertThat(api.connectionCount()).isEqualTo(8);
        }
    }

    @Test
    void loopsRunOnPlatformThreadsByDefault() throws Exception {
        try (RuntimeUnderTest runtime = start(ThreadKindHandler.class.getName(), Map.of("AWS_LAMBDA_MAX_CONCURRENCY", "2"))) {
            api.enqueue("{}");
            assertThat(api.takePost().bodyText()).startsWith("virtual=false name=runway-loop-");
        }
    }

    @Test
    void invalidConcurrencySettingStopsTheRuntimeWithAClearMessage() throws Exception {
        RuntimeUnderTest runtime = start(EchoStreamHandler.class.getName(), Map.of("AWS_LAMBDA_MAX_CONCURRENCY", "many"));
        RecordedPost post = api.takePost();
        assertThat(post.kind()).isEqualTo(RecordedPost.Kind.INIT_ERROR);
        assertThat(post.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Runtime.InvalidConfiguration");
        assertThat(JSON.readTree(post.body()).get("errorMessage").asText())
                .isEqualTo("AWS_LAMBDA_MAX_CONCURRENCY must be a whole number, got 'many'");
        assertThat(runtime.awaitExit(Duration.ofSeconds(30))).isEqualTo(1);
    }
}
