package dev.runway.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Extensions API, with the test as the runtime and as an internal extension (a name that is no file the
 * platform launched): registration and its errors, INVOKE fan-out, and an invocation that ends only when the
 * extension is done too.
 */
class ExtensionsApiTest {

    private static final String E = "/2020-01-01/extension/";
    private final PlatformFixture fixture = new PlatformFixture(b -> b.functionName("fn").timeoutSeconds(30));

    @AfterEach
    void close() {
        fixture.close();
    }

    private HttpResponse<String> register(String name, String body) throws Exception {
        return name == null
                ? fixture.post(E + "register", body)
                : fixture.post(E + "register", body, "Lambda-Extension-Name", name);
    }

    @Test
    void anInternalExtensionGetsInvokeAndTheInvocationEndsWhenItCallsNextAgain() throws Exception {
        CompletableFuture<HttpResponse<String>> invoke = fixture.invoke("{}");
        fixture.runtime.awaitStart();

        HttpResponse<String> registered = register("flusher", "{\"events\":[\"INVOKE\"]}");
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.body()).isEqualTo("{\"functionName\":\"fn\",\"functionVersion\":\"$LATEST\",\"handler\":\"test.Handler\"}");
        String id = registered.headers().firstValue("Lambda-Extension-Identifier").orElseThrow();
        CompletableFuture<HttpResponse<String>> extensionNext = fixture.http.sendAsync(
                java.net.http.HttpRequest.newBuilder(fixture.api(E + "event/next")).header("Lambda-Extension-Identifier", id).build(),
                HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> event = fixture.next();
        String requestId = event.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        HttpResponse<String> invokeEvent = extensionNext.get(30, TimeUnit.SECONDS);
        assertThat(invokeEvent.body()).startsWith("{\"eventType\":\"INVOKE\",\"deadlineMs\":")
                .contains("\"requestId\":\"" + requestId + "\"",
                        "\"invokedFunctionArn\":\"arn:aws:lambda:us-east-1:012345678912:function:fn\"");
        assertThat(invokeEvent.headers().firstValue("Lambda-Extension-Event-Identifier")).isPresent();

        // Registration closed with the runtime's first /next.
        HttpResponse<String> late = register("late", "{\"events\":[]}");
        assertThat(late.statusCode()).isEqualTo(403);
        assertThat(late.body()).isEqualTo("{\"errorMessage\":\"Extension registration closed already\","
                + "\"errorType\":\"Extension.RegistrationClosed\"}");

        fixture.post("/2018-06-01/runtime/invocation/" + requestId + "/response", "{\"r\":1}");
        assertThat(invoke.get(30, TimeUnit.SECONDS).body()).isEqualTo("{\"r\":1}");
        fixture.nextAsync();
        // The runtime is done; the invocation is not, while the extension works.
        assertThat(fixture.output()).doesNotContain("END RequestId: " + requestId);

        fixture.http.sendAsync(java.net.http.HttpRequest.newBuilder(fixture.api(E + "event/next"))
                .header("Lambda-Extension-Identifier", id).build(), HttpResponse.BodyHandlers.ofString());
        awaitOutput("END RequestId: " + requestId);
    }

    @Test
    void registrationErrorsAreThePlatforms() throws Exception {
        fixture.invoke("{}");
        fixture.runtime.awaitStart();

        assertError(register(null, "{\"events\":[]}"), "Extension.InvalidExtensionName", "Empty extension name");
        assertError(register("a", "{\"events\":[\"FOO\"]}"), "Extension.InvalidEventType", "FOO: ErrorInvalidEventType");
        assertError(register("a", "{\"events\":[\"SHUTDOWN\"]}"), "Extension.InvalidEventType",
                "SHUTDOWN: ShutdownEventNotSupportedForInternalExtension");
        assertThat(register("a", "{\"events\":[\"INVOKE\"],\"configurationKeys\":[\"x\"]}").body())
                .contains("\"errorType\":\"InvalidRequestFormat\"");
        assertThat(register("a", "{not json").statusCode()).isEqualTo(403);
        assertThat(register("a", "{\"events\":[\"INVOKE\"]}").statusCode()).isEqualTo(200);
        assertError(register("a", "{\"events\":[]}"), "Extension.InvalidExtensionState",
                "Extension with this name already registered");
        for (int i = 1; i < 10; i++) {
            assertThat(register("e" + i, "{}").statusCode()).isEqualTo(200);
        }
        assertError(register("e10", "{}"), "Extension.TooManyExtensions", "Extension limit (10) reached");
    }

    @Test
    void callsWithoutAValidIdentifierAreRefused() throws Exception {
        fixture.invoke("{}");
        fixture.runtime.awaitStart();

        assertError(fixture.get(E + "event/next"), "Extension.MissingExtensionIdentifier",
                "Missing Lambda-Extension-Identifier header");
        assertError(fixture.get(E + "event/next", "Lambda-Extension-Identifier", "nope"),
                "Extension.InvalidExtensionIdentifier", "Invalid Lambda-Extension-Identifier");
        String unknown = UUID.randomUUID().toString();
        assertThat(fixture.get(E + "event/next", "Lambda-Extension-Identifier", unknown).body())
                .contains("\"errorType\":\"Extension.UnknownExtensionIdentifier\"");
        String id = register("x", "{}").headers().firstValue("Lambda-Extension-Identifier").orElseThrow();
        assertError(fixture.post(E + "init/error", "{}", "Lambda-Extension-Identifier", id), "Extension.MissingHeader",
                "Lambda-Extension-Function-Error-Type not found");
    }

    @Test
    void anExtensionInitErrorFailsTheInitWith502() throws Exception {
        CompletableFuture<HttpResponse<String>> invoke = fixture.invoke("{}");
        fixture.runtime.awaitStart();
        String id = register("x", "{}").headers().firstValue("Lambda-Extension-Identifier").orElseThrow();

        HttpResponse<String> accepted = fixture.post(E + "init/error", "{}", "Lambda-Extension-Identifier", id,
                "Lambda-Extension-Function-Error-Type", "Fatal.ConnectFailed");

        assertThat(accepted.statusCode()).isEqualTo(202);
        HttpResponse<String> answer = invoke.get(30, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body()).contains("\"errorType\":\"Extension.InitError\"");
    }

    private static void assertError(HttpResponse<String> response, String type, String message) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"errorMessage\":\"" + message + "\",\"errorType\":\"" + type + "\"}");
    }

    private void awaitOutput(String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!fixture.output().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' in:\n" + fixture.output());
            }
            Thread.sleep(10);
        }
    }
}
