package dev.runway.bootstrap.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * The embedded platform on free loopback ports, with a {@link TestRuntime}: the test is the runtime, and an
 * HTTP client of the invoke endpoint. Closing it shuts everything down.
 */
final class PlatformFixture implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    final TestRuntime runtime = new TestRuntime();
    final LocalPlatform platform;
    final ByteArrayOutputStream output = new ByteArrayOutputStream();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private boolean closed;

    PlatformFixture(UnaryOperator<LocalPlatform.Builder> settings) {
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        this.platform = settings.apply(LocalPlatform.builder().port(0).handler("test.Handler").runtime(runtime)
                .output(out).errors(out)).start();
    }

    PlatformFixture() {
        this(builder -> builder);
    }

    URI api(String path) {
        return URI.create("http://" + platform.runtimeApiAddress() + path);
    }

    /** Invokes over HTTP, without waiting. */
    CompletableFuture<HttpResponse<String>> invoke(String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(platform.invokeUri()).timeout(WAIT.multipliedBy(2))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET /runtime/invocation/next}, waiting for an event. */
    HttpResponse<String> next() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(api("/2018-06-01/runtime/invocation/next")).timeout(WAIT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> nextAsync() {
        return http.sendAsync(HttpRequest.newBuilder(api("/2018-06-01/runtime/invocation/next")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, byte[] body, String... headers) throws IOException, InterruptedException {
        return send("POST", path, body, headers);
    }

    HttpResponse<String> post(String path, String body, String... headers) throws IOException, InterruptedException {
        return send("POST", path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    HttpResponse<String> send(String method, String path, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(api(path)).timeout(WAIT)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(api(path)).timeout(WAIT).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends raw bytes to the Runtime API's port and reads what comes back until the server closes or is quiet. */
    String raw(String request) throws IOException {
        String address = platform.runtimeApiAddress();
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    answer.write(buffer, 0, n);
                }
            } catch (java.net.SocketTimeoutException quiet) {
                // keep-alive: the server waits for the next request
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    /** Closes the platform, once: a test may close it itself to see what it sends when it shuts down. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            platform.close();
        }
    }
}
