package dev.runway.wire.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The request/response client, against scripted streams and a real socket. */
@Timeout(30)
class Http1ClientTest {

    private static final HostPort ADDRESS = new HostPort("127.0.0.1", 9001);

    @Test
    void writesTheHeadWithHostAndLengthAndKeepsEveryResponseField() throws IOException {
        Script script = new Script().answer("HTTP/1.1 200 OK\r\nLambda-Extension-Identifier: abc\r\nX-A: 1\r\nx-a: 2\r\n"
                + "Content-Length: 2\r\n\r\n{}");
        try (Http1Client client = new Http1Client(ADDRESS, script)) {
            HttpResponse response = client.send("POST", "/register", Map.of("Lambda-Extension-Name", "n"),
                    "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Lambda-Extension-Identifier")).isEqualTo("abc");
            assertThat(response.fields()).containsEntry("x-a", "1, 2");
            assertThat(response.text()).isEqualTo("{}");
        }
        assertThat(script.written(0)).isEqualTo("POST /register HTTP/1.1\r\nHost: 127.0.0.1:9001\r\n"
                + "Lambda-Extension-Name: n\r\nContent-Length: 2\r\n\r\n{}");
    }

    @Test
    void aGetWithoutBodySendsNoContentLength() throws IOException {
        Script script = new Script().answer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        try (Http1Client client = new Http1Client(ADDRESS, script)) {
            client.send("GET", "/next", Map.of(), null);
        }
        assertThat(script.written(0)).isEqualTo("GET /next HTTP/1.1\r\nHost: 127.0.0.1:9001\r\n\r\n");
    }

    @Test
    void aKeptAliveConnectionTheServerClosedIsRetriedOnceOnAFreshOne() throws IOException {
        Script script = new Script().answer("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na")
                .answer("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nb");
        try (Http1Client client = new Http1Client(ADDRESS, script)) {
            assertThat(client.send("GET", "/", Map.of(), null).text()).isEqualTo("a");
            assertThat(client.send("GET", "/", Map.of(), null).text()).isEqualTo("b");
        }
        assertThat(script.opened()).isEqualTo(2);
    }

    @Test
    void aRequestTheServerAnsweredIsNeverSentAgain() throws IOException {
        Script script = new Script().answer("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na"
                + "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nb").answer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        try (Http1Client client = new Http1Client(ADDRESS, script)) {
            client.send("POST", "/", Map.of(), new byte[0]);
            assertThatThrownBy(() -> client.send("POST", "/", Map.of(), new byte[0])).isInstanceOf(IOException.class);
        }
        assertThat(script.opened()).isEqualTo(1);
    }

    @Test
    void aFreshConnectionThatFailsIsNotRetried() {
        Script script = new Script().answer("").answer("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        try (Http1Client client = new Http1Client(ADDRESS, script)) {
            assertThatThrownBy(() -> client.send("GET", "/", Map.of(), null)).isInstanceOf(IOException.class);
        }
        assertThat(script.opened()).isEqualTo(1);
    }

    @Test
    void overARealSocketAnAbortFailsAParkedCallWithoutARetry() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        CountDownLatch parked = new CountDownLatch(1);
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread serving = new Thread(() -> {
                try {
                    while (true) {
                        Socket s = server.accept();
                        int n = accepted.incrementAndGet();
                        InputStream in = s.getInputStream();
                        readHead(in);
                        if (n == 1) {
                            s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
                            readHead(in);
                        }
                        parked.countDown(); // and never answer: a long poll
                    }
                } catch (IOException closed) {
                    // the test ended
                }
            });
            serving.setDaemon(true);
            serving.start();
            HostPort address = new HostPort("127.0.0.1", server.getLocalPort());
            try (Http1Client client = new Http1Client(address)) {
                assertThat(client.send("GET", "/first", Map.of(), null).text()).isEqualTo("ok");
                Thread aborter = new Thread(() -> {
                    try {
                        parked.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    client.abort();
                });
                aborter.start();
                assertThatThrownBy(() -> client.send("GET", "/next", Map.of(), null)).isInstanceOf(IOException.class);
                aborter.join();
            }
        }
        assertThat(accepted.get()).isEqualTo(1);
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed");
            }
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }
}
