package dev.runway.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runway.extensions.telemetry.TelemetryEvent;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The test kit as a user writes with it: typed results, errors, logs, telemetry, a timeout, the HTTP endpoint. */
class LambdaFunctionExtensionTest {

    @RegisterExtension
    static LambdaFunctionExtension lambda = LambdaFunctionExtension.handler(Greeter.class).timeoutSeconds(2);

    @Test
    void aTypedResult() {
        Greeter.Response response = lambda.invoke(new Greeter.Request("Ada", 0), Greeter.Response.class);

        assertThat(response.message()).isEqualTo("Hello, Ada!");
    }

    @Test
    void theFunctionsErrorAsTheCallerGetsIt() {
        assertThatThrownBy(() -> lambda.invoke(new Greeter.Request(null, 0), Greeter.Response.class))
                .isInstanceOfSatisfying(LambdaFunctionException.class, e -> {
                    assertThat(e.error().errorType()).isEqualTo("java.lang.IllegalArgumentException");
                    assertThat(e.error().errorMessage()).isEqualTo("no name");
                    assertThat(e.error().stackTrace()).anyMatch(line -> line.contains("Greeter.handleRequest"));
                    assertThat(e.response().headers()).containsEntry("X-Amz-Function-Error", "Unhandled");
                });
    }

    @Test
    void logsAndTelemetryOfTheInvocation() {
        LambdaResponse response = lambda.invoke(new Greeter.Request("Grace", 0));
        String requestId = response.requestId().orElseThrow();

        assertThat(response.isError()).isFalse();
        awaitReport(requestId);
        assertThat(lambda.logs()).contains("printed by the handler", "START RequestId: " + requestId + " Version: $LATEST",
                "END RequestId: " + requestId);
        assertThat(lambda.logs()).anyMatch(line -> line.startsWith("REPORT RequestId: " + requestId + "\tDuration: "));
        assertThat(lambda.telemetry("platform.start")).hasSize(1);
        assertThat(lambda.telemetry("function")).anyMatch(event -> event instanceof TelemetryEvent.Log log
                && "printed by the handler".equals(log.message()));
    }

    @Test
    void internalExtensionsOnTheClassPathSeeEachInvocation() {
        LambdaResponse response = lambda.invoke(new Greeter.Request("Ext", 0));
        String requestId = response.requestId().orElseThrow();

        assertThat(RecordingExtension.CALLS).containsSubsequence("started:" + requestId, "finished:" + requestId + ":false");
    }

    @Test
    void aTimeoutIsThePlatformsError() {
        LambdaResponse response = lambda.invoke(new Greeter.Request("Slow", 60_000));

        assertThat(response.isError()).isTrue();
        assertThat(response.bodyText()).isEqualTo("Task timed out after 2.00 seconds");
        assertThat(response.error().orElseThrow().errorType()).isEqualTo("Sandbox.Timedout");
        // A fresh runtime serves the next invocation.
        assertThat(lambda.invoke(new Greeter.Request("Again", 0), Greeter.Response.class).message()).isEqualTo("Hello, Again!");
    }

    @Test
    void theRieEndpointServesScriptsToo() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(lambda.invokeUri())
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Linus\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"message\":\"Hello, Linus!\"}");
    }

    /** The REPORT line comes once the runtime asks for its next event, just after the answer. */
    private static void awaitReport(String requestId) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (lambda.telemetry("platform.report").isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
