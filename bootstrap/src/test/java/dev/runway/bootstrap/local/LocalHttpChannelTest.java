package dev.runway.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.bootstrap.local.internal.http.HttpServer;
import dev.runway.bootstrap.local.internal.http.Routes;
import dev.runway.bootstrap.local.internal.sandbox.PlatformConfig;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Local mode's HTTP layer, byte for byte, through Netty's {@link EmbeddedChannel}: the real pipeline
 * ({@link HttpServer#configure}) and the real Runtime, Extensions, Telemetry API and invoke endpoints over a
 * real sandbox, with no socket. Framing (pipelining, requests split anywhere, chunked bodies with trailers,
 * {@code 100-continue}), limits (payloads, heads) and errors (the platform's error documents; malformed HTTP
 * closes the connection, a refused request does not). No environment is started: every request here is one the
 * platform answers on its own.
 */
class LocalHttpChannelTest {

    private static final String RUNTIME = "/2018-06-01/runtime";
    private static final String EXTENSION = "/2020-01-01/extension";
    private static final String UNKNOWN_ID = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";

    private static LocalPlatform platform;

    @BeforeAll
    static void start() {
        platform = LocalPlatform.builder().port(0).handler("test.Handler").runtime(new TestRuntime()).start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** One connection to a server pipeline, and a client-side decoder for what it writes back. */
    private static final class Connection implements AutoCloseable {
        final EmbeddedChannel server = new EmbeddedChannel();
        private final EmbeddedChannel client = new EmbeddedChannel(new HttpResponseDecoder(),
                new HttpObjectAggregator(64 * 1024 * 1024));

        Connection(Routes routes) {
            HttpServer.configure(server.pipeline(), routes);
        }

        Connection send(String request) {
            return send(request.getBytes(StandardCharsets.UTF_8));
        }

        Connection send(byte[] request) {
            server.writeInbound(Unpooled.wrappedBuffer(request));
            server.runPendingTasks();
            server.checkException();
            return this;
        }

        /** @return the answers written since the last call, decoded */
        List<Answer> answers() {
            for (Object out; (out = server.readOutbound()) != null; ) {
                client.writeInbound((ByteBuf) out);
            }
            List<Answer> answers = new ArrayList<>();
            for (Object in; (in = client.readInbound()) != null; ) {
                FullHttpResponse response = (FullHttpResponse) in;
                answers.add(new Answer(response.status().code(), response.headers().get("Content-Type"),
                        response.headers().get("Connection"), response.content().toString(StandardCharsets.UTF_8)));
                response.release();
            }
            return answers;
        }

        Answer answer() {
            List<Answer> answers = answers();
            assertThat(answers).hasSize(1);
            return answers.get(0);
        }

        @Override
        public void close() {
            server.finishAndReleaseAll();
            client.finishAndReleaseAll();
        }
    }

    private record Answer(int status, String contentType, String connection, String body) {}

    private static Connection api() {
        return new Connection(platform.apiRoutes());
    }

    private static Connection invokeEndpoint() {
        return new Connection(platform.invokeRoutes());
    }

    private static String post(String path, String headers, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\n" + headers + "Content-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static String get(String path, String headers) {
        return "GET " + path + " HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n";
    }

    private static String error(String errorType) {
        return "\"errorType\":\"" + errorType + "\"";
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnOneConnection() {
        try (Connection c = api()) {
            c.send(get("/2018-06-01/ping", "") + post(RUNTIME + "/invocation/abc/response", "", "{}")
                    + get("/2018-06-01/ping", ""));
            List<Answer> answers = c.answers();
            assertThat(answers).extracting(Answer::status).containsExactly(200, 400, 200);
            assertThat(answers.get(0).body()).isEqualTo("pong");
            assertThat(answers.get(1).body()).isEqualTo("{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}");
            assertThat(answers.get(1).contentType()).isEqualTo("application/json");
            assertThat(c.server.isOpen()).isTrue();
        }
    }

    @Test
    void aRequestSplitIntoSingleBytesIsServed() {
        try (Connection c = api()) {
            for (byte b : post(RUNTIME + "/invocation/abc/error", "Content-Type: application/json\r\n", "{\"a\":1}")
                    .getBytes(StandardCharsets.UTF_8)) {
                c.send(new byte[] {b});
            }
            assertThat(c.answer().body()).contains(error("InvalidRequestID"));
        }
    }

    @Test
    void aChunkedBodyWithTrailersReachesItsEndpoint() {
        try (Connection c = api()) {
            c.send("POST " + RUNTIME + "/init/error HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "3\r\n{\"e\r\n" + "2\r\n\"}\r\n" + "0\r\nLambda-Runtime-Function-Error-Type: X\r\n\r\n");
            Answer answer = c.answer();
            // No environment is initializing: the platform refuses the transition, in its own words.
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.body()).isEqualTo("{\"errorMessage\":\"State transition from Ready to InitError failed for"
                    + " runtime. Error: State transition is not allowed\",\"errorType\":\"InvalidStateTransition\"}");
        }
    }

    @Test
    void expectContinueIsAnsweredBeforeTheBody() {
        try (Connection c = api()) {
            c.send("POST " + RUNTIME + "/init/error HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
            assertThat(c.answer().status()).isEqualTo(100);
            c.send("{}");
            assertThat(c.answer().status()).isEqualTo(403);
        }
    }

    @Test
    void runtimePayloadsOverTheLimitGet413AndTheConnectionStaysUsable() {
        try (Connection c = api()) {
            String body = "x".repeat(PlatformConfig.MAX_PAYLOAD + 1);
            c.send(post(RUNTIME + "/init/error", "", body)).send(get("/2018-06-01/ping", ""));
            List<Answer> answers = c.answers();
            assertThat(answers).extracting(Answer::status).containsExactly(413, 200);
            assertThat(answers.get(0).body()).isEqualTo("{\"errorMessage\":\"Exceeded maximum allowed payload size ("
                    + PlatformConfig.MAX_PAYLOAD + " bytes).\",\"errorType\":\"RequestEntityTooLarge\"}");
        }
    }

    @Test
    void aHeadAsLargeAsAnXRayErrorCauseIsAcceptedAndALargerOneRefused() {
        try (Connection c = api()) {
            String cause = "Lambda-Runtime-Function-XRay-Error-Cause: " + "c".repeat(1024 * 1024) + "\r\n";
            c.send(post(RUNTIME + "/invocation/abc/error", cause, "{}"));
            // Past the codec, to the endpoint: the id is what is refused, not the head.
            assertThat(c.answer().body()).contains(error("InvalidRequestID"));
        }
        try (Connection c = api()) {
            String tooLarge = "X-Pad: " + "p".repeat(HttpServer.MAX_HEADER_BYTES) + "\r\n";
            c.send(post(RUNTIME + "/invocation/abc/error", tooLarge, "{}"));
            Answer answer = c.answer();
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).startsWith("Malformed HTTP request");
            assertThat(answer.connection()).isEqualTo("close");
            assertThat(c.server.isOpen()).isFalse();
        }
    }

    @Test
    void malformedFramingGets400AndClosesTheConnection() {
        try (Connection c = api()) {
            c.send("POST " + RUNTIME + "/init/error HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
            Answer answer = c.answer();
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).startsWith("Malformed HTTP body");
            assertThat(c.server.isOpen()).isFalse();
        }
    }

    @Test
    void unknownPathsAre404AndWrongMethods405OnAConnectionThatStaysOpen() {
        try (Connection c = api()) {
            c.send(get("/nope", "")).send(post(RUNTIME + "/invocation/next", "", "")).send(get("/2018-06-01/ping", ""));
            List<Answer> answers = c.answers();
            assertThat(answers).extracting(Answer::status).containsExactly(404, 405, 200);
            assertThat(answers.get(0).body()).isEqualTo("404 page not found\n");
        }
    }

    @Test
    void nextWaitsForAnEventAndItsConnectionMayGoAway() {
        try (Connection c = api()) {
            c.send(get(RUNTIME + "/invocation/next", ""));
            // A long poll: no invoke, no answer, and the connection is kept.
            assertThat(c.answers()).isEmpty();
            assertThat(c.server.isOpen()).isTrue();
            c.server.close();
            c.server.checkException();
        }
    }

    @Test
    void restoreOutsideInitIsAnInvalidTransition() {
        try (Connection c = api()) {
            Answer answer = c.send(get(RUNTIME + "/restore/next", "")).answer();
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.body()).contains("State transition from Ready to Restoring failed");
        }
    }

    @Test
    void extensionsApiRefusalsCarryThePlatformsErrorTypes() {
        try (Connection c = api()) {
            c.send(post(EXTENSION + "/register", "", "{}"))
                    .send(post(EXTENSION + "/register", "Lambda-Extension-Name: ext\r\n", "{\"events\":"))
                    .send(post(EXTENSION + "/register", "Lambda-Extension-Name: ext\r\n", "{\"events\":[1]}"))
                    .send(post(EXTENSION + "/register", "Lambda-Extension-Name: ext\r\n", "{\"events\":[\"INVOKE\"]}"))
                    .send(get(EXTENSION + "/event/next", ""))
                    .send(get(EXTENSION + "/event/next", "Lambda-Extension-Identifier: not-a-uuid\r\n"))
                    .send(get(EXTENSION + "/event/next", "Lambda-Extension-Identifier: " + UNKNOWN_ID + "\r\n"))
                    .send(post(EXTENSION + "/exit/error", "Lambda-Extension-Identifier: " + UNKNOWN_ID + "\r\n", ""));
            List<Answer> answers = c.answers();
            assertThat(answers).extracting(Answer::status).containsOnly(403);
            assertThat(answers).extracting(Answer::body).satisfiesExactly(
                    b -> assertThat(b).contains(error("Extension.InvalidExtensionName")),
                    b -> assertThat(b).contains(error("InvalidRequestFormat")),
                    b -> assertThat(b).contains(error("InvalidRequestFormat")),
                    // Well formed, but no environment is initializing.
                    b -> assertThat(b).contains(error("Extension.RegistrationClosed")),
                    b -> assertThat(b).contains(error("Extension.MissingExtensionIdentifier")),
                    b -> assertThat(b).contains(error("Extension.InvalidExtensionIdentifier")),
                    b -> assertThat(b).contains(error("Extension.UnknownExtensionIdentifier")),
                    b -> assertThat(b).contains(error("Extension.UnknownExtensionIdentifier")));
            assertThat(c.server.isOpen()).isTrue();
        }
    }

    @Test
    void extensionsApiBodiesOverTheirLimitAreRefusedNotKeptWhole() {
        try (Connection c = api()) {
            // 64 KiB are kept: the rest of the body is read and dropped, and the cut JSON is a format error.
            String body = "{\"events\":[\"" + "E".repeat(200 * 1024) + "\"]}";
            Answer answer = c.send(post(EXTENSION + "/register", "Lambda-Extension-Name: ext\r\n", body)).answer();
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.body()).contains(error("InvalidRequestFormat"));
        }
    }

    @Test
    void telemetryApiIdentifiesItsCallerFirst() {
        String subscription = "{\"schemaVersion\":\"2022-12-13\",\"types\":[\"platform\"],"
                + "\"destination\":{\"protocol\":\"HTTP\",\"URI\":\"http://sandbox.localdomain:4243\"}}";
        try (Connection c = api()) {
            c.send("PUT /2022-07-01/telemetry HTTP/1.1\r\nHost: x\r\nContent-Length: " + subscription.length()
                    + "\r\n\r\n" + subscription);
            c.send("PUT /2020-08-15/logs HTTP/1.1\r\nHost: x\r\nLambda-Extension-Identifier: " + UNKNOWN_ID
                    + "\r\nContent-Length: " + subscription.length() + "\r\n\r\n" + subscription);
            List<Answer> answers = c.answers();
            assertThat(answers).extracting(Answer::status).containsExactly(403, 403);
            assertThat(answers.get(0).body()).contains(error("Extension.MissingExtensionIdentifier"));
            assertThat(answers.get(1).body()).contains(error("Extension.UnknownExtensionIdentifier"));
        }
    }

    @Test
    void invokeEndpointRefusesOversizedEventsAndBadClientContexts() {
        String invocations = LocalPlatform.INVOCATIONS_PATH;
        try (Connection c = invokeEndpoint()) {
            c.send(post(invocations, "", "x".repeat(PlatformConfig.MAX_PAYLOAD + 1)))
                    .send(post(invocations, "X-Amz-Client-Context: %%%\r\n", "{}"))
                    .send(post(invocations, "X-Amz-Invocation-Type: DryRun\r\n", "{}"))
                    .send(get(invocations, ""));
            List<Answer> answers = c.answers();
            assertThat(answers).extracting(Answer::status).containsExactly(413, 500, 204, 405);
            assertThat(answers.get(0).body()).isEqualTo("{\"errorType\":\"RequestEntityTooLargeException\","
                    + "\"errorMessage\":\"Request must be smaller than " + PlatformConfig.MAX_PAYLOAD
                    + " bytes for the InvokeFunction operation\"}");
            assertThat(answers.get(1).body()).isEmpty();
            assertThat(c.server.isOpen()).isTrue();
        }
    }
}
