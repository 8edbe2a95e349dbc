package dev.runway.ric.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runway.ric.testing.Event;
import dev.runway.ric.testing.FakeRuntimeApi;
import dev.runway.ric.testing.RecordedPost;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The raw-socket client against real loopback servers. */
class RuntimeApiClientTest {

    @Test
    void nextReadsEveryHeaderAndTheBody() throws Exception {
        try (FakeRuntimeApi api = FakeRuntimeApi.start(); RuntimeApiClient client = RuntimeApiClient.create(api.address())) {
            Event event = api.enqueue(Event.of("{\"k\":\"\u00e9\"}")
                    .withHeader("Lambda-Runtime-Deadline-Ms", "1795236358452")
                    .withHeader("lambda-runtime-trace-id", "Root=1-a")
                    .withHeader("Lambda-Runtime-Client-Context", "{\"custom\":{}}")
                    .withHeader("Lambda-Runtime-Cognito-Identity", "{\"cognitoIdentityId\":\"x\"}")
                    .withHeader("Lambda-Runtime-Aws-Tenant-Id", "t-1")
                    .withHeader("X-Unknown", "ignored"));
            Invocation invocation = client.next();
            assertThat(invocation.requestId()).isEqualTo(event.requestId());
            assertThat(invocation.deadlineMs()).isEqualTo(1795236358452L);
            assertThat(invocation.invokedFunctionArn()).isEqualTo("arn:aws:lambda:us-east-1:012345678912:function:test_function");
            assertThat(invocation.traceId()).isEqualTo("Root=1-a");
            assertThat(invocation.clientContext()).isEqualTo("{\"custom\":{}}");
            assertThat(invocation.cognitoIdentity()).isEqualTo("{\"cognitoIdentityId\":\"x\"}");
            assertThat(invocation.tenantId()).isEqualTo("t-1");
            assertThat(invocation.payload()).isEqualTo("{\"k\":\"\u00e9\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void errorPostCarriesTheErrorTypeAndXrayHeaders() throws Exception {
        try (FakeRuntimeApi api = FakeRuntimeApi.start(); RuntimeApiClient client = RuntimeApiClient.create(api.address())) {
            Event event = api.enqueue("{}");
            client.next();
            byte[] body = "{\"errorMessage\":\"m\",\"errorType\":\"t\"}".getBytes(StandardCharsets.UTF_8);
            PostResult result = client.postError(event.requestId(), new ErrorPost("Runtime.UserException", body, "{\"x\":1}"));
            assertThat(result.accepted()).isTrue();
            RecordedPost post = api.takePost();
            assertThat(post.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Runtime.UserException");
            assertThat(post.header("Lambda-Runtime-Function-XRay-Error-Cause")).isEqualTo("{\"x\":1}");
            assertThat(post.body()).isEqualTo(body);
        }
    }

    @Test
    void aSecondResponseIsRefusedWithoutBreakingTheClient() throws Exception {
        try (FakeRuntimeApi api = FakeRuntimeApi.start(); RuntimeApiClient client = RuntimeApiClient.create(api.address())) {
            Event event = api.enqueue("{}");
            client.next();
            assertThat(client.postResponse(event.requestId(), new byte[] {'1'}, 1).status()).isEqualTo(202);
            PostResult second = client.postResponse(event.requestId(), new byte[] {'2'}, 1);
            assertThat(second.status()).isEqualTo(403);
            assertThat(second.bodyText()).contains("InvalidStateTransition");
            assertThat(client.postResponse("unknown-id", new byte[0], 0).status()).isEqualTo(400);
        }
    }

    @Test
    void refusedNextIsATypedError() throws Exception {
        try (FakeRuntimeApi api = FakeRuntimeApi.start(); RuntimeApiClient client = RuntimeApiClient.create(api.address())) {
            client.postInitError(new ErrorPost("Runtime.BadFunctionCode", "{}".getBytes(StandardCharsets.UTF_8), null));
            assertThatThrownBy(client::next)
                    .isInstanceOf(RuntimeApiException.class)
                    .hasMessageContaining("HTTP 403")
                    .satisfies(e -> assertThat(((RuntimeApiException) e).status()).isEqualTo(403));
        }
    }

    @Test
    void unreachablePlatformEndsWithAClearErrorAfterBoundedRetries() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (RuntimeApiClient client = RuntimeApiClient.create("127.0.0.1:" + port)) {
            assertThatThrownBy(client::next)
                    .isInstanceOf(RuntimeApiUnavailableException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining("after " + RuntimeApiClient.MAX_ATTEMPTS + " attempts");
        }
    }

    @Test
    void chunkedBodiesAndHeadersSplitAcrossReadsAreDecoded() throws Exception {
        String response = "HTTP/1.1 200 OK\r\nlambda-runtime-aws-request-id: r-1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n";
        try (OneShotServer server = new OneShotServer(response.getBytes(StandardCharsets.US_ASCII));
                RuntimeApiClient client = RuntimeApiClient.create(server.address())) {
            Invocation invocation = client.next();
            assertThat(invocation.requestId()).isEqualTo("r-1");
            assertThat(new String(invocation.payload(), StandardCharsets.US_ASCII)).isEqualTo("hello, world");
        }
    }

    @Test
    void malformedStatusLineIsAProtocolErrorNotAHang() throws Exception {
        try (OneShotServer server = new OneShotServer("garbage\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                RuntimeApiClient client = RuntimeApiClient.create(server.address())) {
            assertThatThrownBy(client::next).isInstanceOf(RuntimeApiUnavailableException.class)
                    .hasRootCauseInstanceOf(java.net.ProtocolException.class);
        }
    }

    @Test
    void addressesAreParsedStrictly() {
        assertThat(RuntimeApiClient.parseAddress("127.0.0.1:9001").port()).isEqualTo(9001);
        assertThat(RuntimeApiClient.parseAddress("[::1]:9001").resolve().getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThatThrownBy(() -> RuntimeApiClient.parseAddress("localhost")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RuntimeApiClient.parseAddress("localhost:0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RuntimeApiClient.parseAddress(null)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Answers every connection's first request with fixed bytes, written in small pieces. */
    private static final class OneShotServer implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final CompletableFuture<Void> done = new CompletableFuture<>();

        OneShotServer(byte[] response) throws IOException {
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        skipRequestHead(s.getInputStream());
                        OutputStream out = s.getOutputStream();
                        for (int i = 0; i < response.length; i += 7) {
                            out.write(response, i, Math.min(7, response.length - i));
                            out.flush();
                        }
                    } catch (IOException e) {
                        break;
                    }
                }
                done.complete(null);
            }, "one-shot-server");
            t.setDaemon(true);
            t.start();
        }

        /** Reads up to the empty line that ends a bodiless request. */
        private static void skipRequestHead(InputStream in) throws IOException {
            int matched = 0;
            int b;
            while (matched < 4 && (b = in.read()) >= 0) {
                matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
        }

        String address() {
            return "127.0.0.1:" + server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
