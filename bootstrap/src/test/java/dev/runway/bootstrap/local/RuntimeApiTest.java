package dev.runway.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Runtime API of the embedded platform, as the runtime sees it, with the test as the runtime: headers,
 * status codes and error documents, as the platform and the RIE give them.
 */
class RuntimeApiTest {

    private static final String R = "/2018-06-01/runtime/invocation/";
    private final PlatformFixture fixture = new PlatformFixture(b -> b.functionName("my-fn").timeoutSeconds(30));

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void anEventCarriesTheInvokesHeadersAndItsResponseReachesTheInvoker() throws Exception {
        long before = System.currentTimeMillis();
        CompletableFuture<HttpResponse<String>> invoke = fixture.invoke("{\"a\":\"é=1\"}",
                "X-Amz-Client-Context", PlatformFixture.base64("{\"custom\":{\"k\":\"v\"}}"),
                "X-Amz-Tenant-Id", "tenant-42", "X-Amzn-Trace-Id", "Root=1-abc");

        TestRuntime.Instance runtime = fixture.runtime.awaitStart();
        HttpResponse<String> event = fixture.next();

        assertThat(runtime.environment).containsEntry("AWS_LAMBDA_RUNTIME_API", fixture.platform.runtimeApiAddress())
                .containsEntry("AWS_LAMBDA_FUNCTION_NAME", "my-fn").containsEntry("_HANDLER", "test.Handler")
                .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "3008");
        assertThat(event.statusCode()).isEqualTo(200);
        assertThat(event.body()).isEqualTo("{\"a\":\"é=1\"}");
        String id = event.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        long deadline = Long.parseLong(event.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow());
        assertThat(deadline).isBetween(before + 29_000, System.currentTimeMillis() + 30_000);
        assertThat(event.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn"))
                .hasValue("arn:aws:lambda:us-east-1:012345678912:function:my-fn");
        assertThat(event.headers().firstValue("Lambda-Runtime-Client-Context")).hasValue("{\"custom\":{\"k\":\"v\"}}");
        assertThat(event.headers().firstValue("Lambda-Runtime-Aws-Tenant-Id")).hasValue("tenant-42");
        assertThat(event.headers().firstValue("Lambda-Runtime-Trace-Id")).hasValue("Root=1-abc");
        assertThat(event.headers().firstValue("Lambda-Runtime-Cognito-Identity")).isEmpty();
        assertThat(event.headers().firstValue("Content-Type")).hasValue("application/json");

        HttpResponse<String> accepted = fixture.post(R + id + "/response", "{\"ok\":true}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).isEqualTo("{\"status\":\"OK\"}\n");

        HttpResponse<String> answer = invoke.get();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"ok\":true}");
        assertThat(answer.headers().firstValue("X-Amzn-RequestId")).hasValue(id);
    }

    @Test
    void unknownIdsSecondResponsesAndStaleIdsAreRefusedAsThePlatformDoes() throws Exception {
        fixture.invoke("{}");
        fixture.runtime.awaitStart();
        String id = fixture.next().headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

        HttpResponse<String> unknown = fixture.post(R + "not-an-id/response", "{}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}");

        assertThat(fixture.post(R + id + "/response", "{}").statusCode()).isEqualTo(202);
        HttpResponse<String> second = fixture.post(R + id + "/response", "{}");
        assertThat(second.statusCode()).isEqualTo(403);
        assertThat(second.body()).isEqualTo("{\"errorMessage\":\"State transition from RuntimeResponseSentState to"
                + " InvocationResponse failed for runtime. Error: State transition is not allowed\","
                + "\"errorType\":\"InvalidStateTransition\"}");
        HttpResponse<String> errorAfter = fixture.post(R + id + "/error", "{}");
        assertThat(errorAfter.statusCode()).isEqualTo(403);
        assertThat(errorAfter.body()).contains("to InvocationErrorResponse failed");

        CompletableFuture<HttpResponse<String>> nextAgain = fixture.nextAsync();
        fixture.invoke("{}");
        nextAgain.get();
        assertThat(fixture.post(R + id + "/response", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void aResponseOver6MiBPlus100IsRefusedWith413AndTheRuntimeCanStillReportIt() throws Exception {
        CompletableFuture<HttpResponse<String>> invoke = fixture.invoke("{}");
        fixture.runtime.awaitStart();
        String id = fixture.next().headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

        byte[] tooLarge = new byte[6 * 1024 * 1024 + 101];
        Arrays.fill(tooLarge, (byte) 'a');
        HttpResponse<String> refused = fixture.post(R + id + "/response", tooLarge);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).isEqualTo("{\"errorMessage\":\"Exceeded maximum allowed payload size (6291556 bytes).\","
                + "\"errorType\":\"RequestEntityTooLarge\"}");

        byte[] exact = Arrays.copyOf(tooLarge, 6 * 1024 * 1024 + 100);
        assertThat(fixture.post(R + id + "/response", exact).statusCode()).isEqualTo(202);
        assertThat(invoke.get().body()).hasSize(exact.length);
    }

    @Test
    void anErrorReachesTheInvokerVerbatimWithTheFunctionErrorHeader() throws Exception {
        CompletableFuture<HttpResponse<String>> invoke = fixture.invoke("{}");
        fixture.runtime.awaitStart();
        String id = fixture.next().headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

        HttpResponse<String> accepted = fixture.post(R + id + "/error", "{not json",
                "Lambda-Runtime-Function-Error-Type", "Function.MyError");

        assertThat(accepted.statusCode()).isEqualTo(202);
        HttpResponse<String> answer = invoke.get();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{not json");
        assertThat(answer.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
    }

    @Test
    void anErrorCauseDocumentLosesItsCauseAndAMalformedOneBecomesInvalidErrorBody() throws Exception {
        CompletableFuture<HttpResponse<String>> first = fixture.invoke("{}");
        fixture.runtime.awaitStart();
        String id = fixture.next().headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        fixture.post(R + id + "/error", "{\"errorMessage\":\"bad\",\"errorType\":\"MyErr\",\"stackTrace\":[\"a\"],"
                + "\"errorCause\":{\"x\":1}}", "Content-Type", "application/vnd.aws.lambda.error.cause+json");
        assertThat(first.get().body()).isEqualTo("{\"errorMessage\":\"bad\",\"errorType\":\"MyErr\",\"stackTrace\":[\"a\"]}");

        CompletableFuture<HttpResponse<String>> second = fixture.invoke("{}");
        String id2 = fixture.next().headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        fixture.post(R + id2 + "/error", "{oops", "Content-Type", "application/vnd.aws.lambda.error.cause+json");
        assertThat(second.get().body()).isEqualTo("\"Invalid error body\"");
    }

    @Test
    void afterAnInitErrorNextIsRefusedAndTheInvokerGets502WithTheReportOnceTheRuntimeExits() throws Exception {
        CompletableFuture<HttpResponse<String>> invoke = fixture.invoke("{}");
        TestRuntime.Instance runtime = fixture.runtime.awaitStart();

        HttpResponse<String> accepted = fixture.post("/2018-06-01/runtime/init/error",
                "{\"errorMessage\":\"no handler\",\"errorType\":\"Runtime.NoSuchHandler\"}",
                "Lambda-Runtime-Function-Error-Type", "Runtime.NoSuchHandler");
        HttpResponse<String> next = fixture.next();
        runtime.exit(1);

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(next.statusCode()).isEqualTo(403);
        assertThat(next.body()).contains("State transition from InitError to Ready failed", "InvalidStateTransition");
        HttpResponse<String> answer = invoke.get();
        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body()).isEqualTo("{\"errorMessage\":\"no handler\",\"errorType\":\"Runtime.NoSuchHandler\"}");
    }

    @Test
    void initErrorDuringAnInvocationIsRefused() throws Exception {
        fixture.invoke("{}");
        fixture.runtime.awaitStart();
        fixture.next();

        HttpResponse<String> refused = fixture.post("/2018-06-01/runtime/init/error", "{}");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("State transition from Running to InitError failed");
    }

    @Test
    void aRuntimeThatExitsDuringAnInvocationGives502ExitErrorAndTheNextInvokeStartsANewOne() throws Exception {
        CompletableFuture<HttpResponse<String>> invoke = fixture.invoke("{}");
        TestRuntime.Instance first = fixture.runtime.awaitStart();
        String id = fixture.next().headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

        first.exit(3);

        HttpResponse<String> answer = invoke.get();
        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body()).isEqualTo("{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: " + id
                + " Error: Runtime exited with error: exit status 3\"}");
        fixture.invoke("{}");
        assertThat(fixture.runtime.awaitStart()).isNotSameAs(first);
    }

    @Test
    void aRuntimeThatDiesBetweenInvocationsIsReplacedByTheNextInvoke() throws Exception {
        CompletableFuture<HttpResponse<String>> invoke = fixture.invoke("{}");
        TestRuntime.Instance first = fixture.runtime.awaitStart();
        String id = fixture.next().headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        fixture.post(R + id + "/response", "one");
        assertThat(invoke.get().body()).isEqualTo("one");

        first.exit(0);
        CompletableFuture<HttpResponse<String>> second = fixture.invoke("{}");
        TestRuntime.Instance replacement = fixture.runtime.awaitStart();
        String id2 = fixture.next().headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        fixture.post(R + id2 + "/response", "two");

        assertThat(replacement).isNotSameAs(first);
        assertThat(second.get().statusCode()).isEqualTo(200);
        assertThat(second.get().body()).isEqualTo("two");
    }

    @Test
    void anEventInvocationIsAcceptedAtOnceAndRunsInTheBackground() throws Exception {
        HttpResponse<String> accepted = fixture.invoke("{\"async\":true}", "X-Amz-Invocation-Type", "Event").get();
        fixture.runtime.awaitStart();
        HttpResponse<String> event = fixture.next();

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(event.body()).isEqualTo("{\"async\":true}");
    }

    @Test
    void anUnknownResponseModeIsRefusedAndTheInvocationFails() throws Exception {
        CompletableFuture<HttpResponse<String>> invoke = fixture.invoke("{}");
        fixture.runtime.awaitStart();
        String id = fixture.next().headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

        HttpResponse<String> refused = fixture.post(R + id + "/response", "x",
                "Lambda-Runtime-Function-Response-Mode", "buffered");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("{\"errorMessage\":\"Invalid function response mode\","
                + "\"errorType\":\"InvalidFunctionResponseMode\"}");
        assertThat(invoke.get().body()).contains("Runtime.InvalidResponseModeHeader");
    }

    @Test
    void nextDuringAnInvocationGivesTheSameEventAgainAsTheRieDoes() throws Exception {
        fixture.invoke("{\"n\":1}");
        fixture.runtime.awaitStart();
        HttpResponse<String> first = fixture.next();
        HttpResponse<String> again = fixture.next();

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Lambda-Runtime-Aws-Request-Id"))
                .isEqualTo(first.headers().firstValue("Lambda-Runtime-Aws-Request-Id"));
    }

    @Test
    void aTimeoutAnswersTaskTimedOutAndKillsTheRuntime() throws Exception {
        try (PlatformFixture quick = new PlatformFixture(b -> b.timeoutSeconds(1))) {
            CompletableFuture<HttpResponse<String>> invoke = quick.invoke("{}");
            TestRuntime.Instance runtime = quick.runtime.awaitStart();
            quick.next();

            HttpResponse<String> answer = invoke.get();

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("Task timed out after 1.00 seconds");
            // No extension registered: SIGKILL at once, as Lambda does.
            assertThat(runtime.killed).isTrue();
            assertThat(runtime.terminated).isFalse();
        }
    }
}
