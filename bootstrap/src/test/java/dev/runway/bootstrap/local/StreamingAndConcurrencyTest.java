package dev.runway.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the RIE cannot do: responses streamed to the caller as they come, and concurrent invocations. */
class StreamingAndConcurrencyTest {

    private static final String R = "/2018-06-01/runtime/invocation/";

    @Test
    void aStreamedResponseReachesTheCallerChunkByChunkBeforeItEnds() throws Exception {
        try (PlatformFixture fixture = new PlatformFixture()) {
            CompletableFuture<HttpResponse<InputStream>> invoke = fixture.http.sendAsync(
                    HttpRequest.newBuilder(fixture.platform.invokeUri()).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            fixture.runtime.awaitStart();
            String id = fixture.next().headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

            try (Socket runtime = connect(fixture)) {
                OutputStream out = runtime.getOutputStream();
                out.write(("POST " + R + id + "/response HTTP/1.1\r\nHost: x\r\n"
                        + "Lambda-Runtime-Function-Response-Mode: streaming\r\nTransfer-Encoding: chunked\r\n"
                        + "Content-Type: text/event-stream\r\n\r\n5\r\nfirst\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();

                // The caller has the first chunk while the runtime has not finished: real streaming.
                HttpResponse<InputStream> answer = invoke.get(30, TimeUnit.SECONDS);
                assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/event-stream");
                assertThat(answer.headers().firstValue("Lambda-Runtime-Function-Response-Mode")).hasValue("streaming");
                InputStream body = answer.body();
                assertThat(new String(body.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("first");

                out.write("6\r\nsecond\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(new String(body.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("second");
                assertThat(readHead(runtime.getInputStream())).startsWith("HTTP/1.1 202");
            }
        }
    }

    @Test
    void anErrorInTheTrailersReachesTheCallerAsTrailersOrAsAWholeErrorWhenNothingWasStreamed() throws Exception {
        try (PlatformFixture fixture = new PlatformFixture()) {
            String errorBody = PlatformFixture.base64("{\"errorMessage\":\"boom\",\"errorType\":\"Oops\"}");
            CompletableFuture<InvokeResult> midStream = CompletableFuture.supplyAsync(() -> fixture.platform.invoke("{}"));
            fixture.runtime.awaitStart();
            String id = fixture.next().headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            stream(fixture, id, "3\r\nabc\r\n", errorBody);

            InvokeResult result = midStream.get(30, TimeUnit.SECONDS);
            assertThat(result.bodyText()).isEqualTo("abc");
            assertThat(result.trailers()).containsEntry("Lambda-Runtime-Function-Error-Type", "Function.Oops")
                    .containsEntry("Lambda-Runtime-Function-Error-Body", errorBody);
            assertThat(result.isError()).isTrue();

            CompletableFuture<InvokeResult> before = CompletableFuture.supplyAsync(() -> fixture.platform.invoke("{}"));
            String id2 = fixture.next().headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            stream(fixture, id2, "", errorBody);

            InvokeResult whole = before.get(30, TimeUnit.SECONDS);
            assertThat(whole.status()).isEqualTo(200);
            assertThat(whole.headers()).containsEntry("X-Amz-Function-Error", "Unhandled")
                    .containsEntry("Error-Type", "Function.Oops");
            assertThat(whole.bodyText()).isEqualTo("{\"errorMessage\":\"boom\",\"errorType\":\"Oops\"}");
        }
    }

    @Test
    void underMaxConcurrencyInvocationsRunAtOnceUpToTheWaitingNextCalls() throws Exception {
        try (PlatformFixture fixture = new PlatformFixture(b -> b.maxConcurrency(2))) {
            CompletableFuture<HttpResponse<String>> first = fixture.invoke("1");
            TestRuntime.Instance runtime = fixture.runtime.awaitStart();
            assertThat(runtime.environment).containsEntry("AWS_LAMBDA_MAX_CONCURRENCY", "2")
                    .containsEntry("AWS_LAMBDA_INITIALIZATION_TYPE", "lambda-managed-instances");
            CompletableFuture<HttpResponse<String>> loopA = fixture.nextAsync();
            CompletableFuture<HttpResponse<String>> loopB = fixture.nextAsync();
            HttpResponse<String> eventA = CompletableFuture.anyOf(loopA, loopB).thenApply(HttpResponse.class::cast)
                    .get(30, TimeUnit.SECONDS);
            CompletableFuture<HttpResponse<String>> otherLoop = eventA == loopA.getNow(null) ? loopB : loopA;

            // The second invoke runs beside the first, once the other loop's /next is waiting.
            // (The other loop's /next may not have arrived yet: then the invoke gets 400, and is tried again.)
            CompletableFuture<HttpResponse<String>> second = fixture.invoke("2");
            for (int attempt = 0; attempt < 500; attempt++) {
                CompletableFuture.anyOf(second, otherLoop).get(30, TimeUnit.SECONDS);
                if (otherLoop.isDone()) {
                    break;
                }
                assertThat(second.get().statusCode()).isEqualTo(400);
                Thread.sleep(10);
                second = fixture.invoke("2");
            }
            HttpResponse<String> eventB = otherLoop.get(30, TimeUnit.SECONDS);
            // Both loops busy: a third has no runtime to go to.
            HttpResponse<String> third = fixture.invoke("3").get(30, TimeUnit.SECONDS);
            assertThat(third.statusCode()).isEqualTo(400);
            assertThat(third.body()).contains("\"errorType\":\"Runtime.Unavailable\"");

            for (HttpResponse<String> event : List.of(eventA, eventB)) {
                String id = event.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
                assertThat(fixture.post(R + id + "/response", "done " + event.body()).statusCode()).isEqualTo(202);
            }
            List<String> bodies = new ArrayList<>();
            bodies.add(first.get(30, TimeUnit.SECONDS).body());
            bodies.add(second.get(30, TimeUnit.SECONDS).body());
            assertThat(bodies).containsExactlyInAnyOrder("done 1", "done 2");
        }
    }

    @Test
    void endedInvocationsLeaveNothingBehindInTheirEnvironment() throws Exception {
        for (int concurrency : new int[] {0, 2}) {
            try (PlatformFixture fixture = new PlatformFixture(b -> concurrency > 0 ? b.maxConcurrency(concurrency) : b)) {
                for (int i = 0; i < 50; i++) {
                    CompletableFuture<HttpResponse<String>> invoke = fixture.invoke("\"" + i + "\"");
                    if (i == 0) {
                        fixture.runtime.awaitStart();
                    }
                    String id = fixture.next().headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
                    assertThat(fixture.post(R + id + "/response", "ok").statusCode()).isEqualTo(202);
                    assertThat(invoke.get(30, TimeUnit.SECONDS).body()).isEqualTo("ok");
                }
                // The last one ends once the runtime is back at /next (one at a time), which this one also is.
                CompletableFuture<HttpResponse<String>> parked = fixture.nextAsync();
                // One watcher of the environment's failure at most, and no ended invocation, whatever their number.
                // (The last invocation is settled on the event loop just after its answer: wait for that, bounded.)
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (fixture.platform.sandbox().heldForEndedInvocations() > 1 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(fixture.platform.sandbox().heldForEndedInvocations()).isLessThanOrEqualTo(1);
                assertThat(parked).isNotDone();
            }
        }
    }

    @Test
    void underMaxConcurrencyALoopsSlotIsFreeOnceItAnsweredNotOnlyOnceItCallsNextAgain() throws Exception {
        try (PlatformFixture fixture = new PlatformFixture(b -> b.maxConcurrency(1))) {
            CompletableFuture<HttpResponse<String>> first = fixture.invoke("1");
            fixture.runtime.awaitStart();
            String id = fixture.next().headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            assertThat(fixture.post(R + id + "/response", "done 1").statusCode()).isEqualTo(202);
            assertThat(first.get(30, TimeUnit.SECONDS).body()).isEqualTo("done 1");

            // The loop has answered and not called /next yet: a new invoke waits for it instead of getting 400.
            CompletableFuture<HttpResponse<String>> second = fixture.invoke("2");
            HttpResponse<String> event = fixture.next();
            assertThat(event.body()).isEqualTo("2");
            // And with that slot taken again, one more invoke has no runtime to go to.
            HttpResponse<String> third = fixture.invoke("3").get(30, TimeUnit.SECONDS);
            assertThat(third.statusCode()).isEqualTo(400);
            assertThat(third.body()).contains("\"errorType\":\"Runtime.Unavailable\"");

            String secondId = event.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            assertThat(fixture.post(R + secondId + "/response", "done 2").statusCode()).isEqualTo(202);
            assertThat(second.get(30, TimeUnit.SECONDS).body()).isEqualTo("done 2");
        }
    }

    @Test
    void underMaxConcurrencyATimeoutFailsTheInvocationOnlyAndALateAnswerGets410() throws Exception {
        try (PlatformFixture fixture = new PlatformFixture(b -> b.maxConcurrency(1).timeoutSeconds(1))) {
            CompletableFuture<HttpResponse<String>> invoke = fixture.invoke("{}");
            TestRuntime.Instance runtime = fixture.runtime.awaitStart();
            String id = fixture.next().headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();

            HttpResponse<String> answer = invoke.get(30, TimeUnit.SECONDS);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Error-Type")).hasValue("Sandbox.Timedout");
            assertThat(answer.body()).isEqualTo("{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"Task timed out after 1.00 seconds\"}");
            HttpResponse<String> late = fixture.post(R + id + "/response", "{}");
            assertThat(late.statusCode()).isEqualTo(410);
            assertThat(late.body()).isEqualTo("{\"errorMessage\":\"Invoke timeout\",\"errorType\":\"InvokeTimeout\"}");
            assertThat(runtime.killed).isFalse();
        }
    }

    private static void stream(PlatformFixture fixture, String id, String chunks, String errorBody) throws Exception {
        try (Socket runtime = connect(fixture)) {
            OutputStream out = runtime.getOutputStream();
            out.write(("POST " + R + id + "/response HTTP/1.1\r\nHost: x\r\n"
                    + "Lambda-Runtime-Function-Response-Mode: streaming\r\nTransfer-Encoding: chunked\r\n"
                    + "Trailer: Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body\r\n\r\n"
                    + chunks + "0\r\nLambda-Runtime-Function-Error-Type: Function.Oops\r\n"
                    + "Lambda-Runtime-Function-Error-Body: " + errorBody + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readHead(runtime.getInputStream())).startsWith("HTTP/1.1 202");
        }
    }

    private static Socket connect(PlatformFixture fixture) throws Exception {
        URI api = fixture.api("/");
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.getPort());
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static String readHead(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
