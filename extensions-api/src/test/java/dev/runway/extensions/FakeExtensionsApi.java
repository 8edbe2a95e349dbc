package dev.runway.extensions;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scriptable Extensions API for unit tests: answers to enqueue per path, every request recorded for
 * {@link #take()}. {@code /event/next} answers with the queued events, and parks while there is none.
 */
public final class FakeExtensionsApi implements AutoCloseable {

    /** A recorded request. */
    public record Request(String method, String path, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A scripted answer. */
    public record Answer(int status, Map<String, String> headers, String body) {}

    private final HttpServer server;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final BlockingQueue<Answer> events = new LinkedBlockingQueue<>();
    private final Map<String, BlockingQueue<Answer>> answers = new java.util.concurrent.ConcurrentHashMap<>();

    public FakeExtensionsApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-extensions-api");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::serve);
        server.start();
    }

    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public void answer(String path, int status, Map<String, String> headers, String body) {
        answers.computeIfAbsent(path, p -> new LinkedBlockingQueue<>()).add(new Answer(status, headers, body));
    }

    public void event(String json) {
        events.add(new Answer(200, Map.of("Content-Type", "application/json"), json));
    }

    public Request take() throws InterruptedException {
        Request request = requests.poll(10, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no request came");
        }
        return request;
    }

    private void serve(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        requests.add(new Request(exchange.getRequestMethod(), path, headers, body));
        Answer answer;
        try {
            if (path.endsWith("/event/next")) {
                answer = events.poll(30, TimeUnit.SECONDS);
                if (answer == null) {
                    answer = new Answer(500, Map.of(), "{\"errorType\":\"Test.NoEvent\",\"errorMessage\":\"none\"}");
                }
            } else {
                BlockingQueue<Answer> queue = answers.get(path);
                answer = queue == null ? null : queue.poll();
                if (answer == null) {
                    answer = path.endsWith("/error") ? new Answer(202, Map.of(), "{\"status\":\"OK\"}")
                            : new Answer(404, Map.of(), "404 page not found");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = new Answer(500, Map.of(), "");
        }
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
