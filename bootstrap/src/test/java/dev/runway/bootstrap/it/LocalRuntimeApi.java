package dev.runway.bootstrap.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A Runtime API on a loopback port, enough for a real {@code bootstrap} process to run invocations against:
 * {@code next}, {@code response}, {@code error} and {@code init/error}.
 *
 * <p>Temporary: it goes once ric-core's test jar publishes {@code FakeRuntimeApi}, which these tests then use.
 */
final class LocalRuntimeApi implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";

    /** What the runtime posted: to {@code /response}, {@code /error} or {@code /init/error}. */
    record Post(String kind, Map<String, String> headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.get(name);
        }
    }

    private record Event(String requestId, byte[] body) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Post>> results = new ConcurrentHashMap<>();
    private final CompletableFuture<Post> initError = new CompletableFuture<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpServer server;

    private LocalRuntimeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PREFIX, this::handle);
        // One thread per request: a /next waiting for an event must not hold up anything else.
        server.setExecutor(executor);
        server.start();
    }

    static LocalRuntimeApi start() {
        try {
            return new LocalRuntimeApi();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Runtime API server", e);
        }
    }

    /** @return the {@code AWS_LAMBDA_RUNTIME_API} value */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Queues an event for the next {@code /next}.
     *
     * @return its request id
     */
    String enqueue(String body) {
        String id = UUID.randomUUID().toString();
        results.put(id, new CompletableFuture<>());
        events.add(new Event(id, body.getBytes(StandardCharsets.UTF_8)));
        return id;
    }

    /**
     * Waits, at most {@code timeout}, for the response or error of an event.
     *
     * @param diagnostics what to add to the failure when nothing comes (the process's output)
     */
    Post awaitResult(String requestId, Duration timeout, Supplier<String> diagnostics) {
        return await(results.get(requestId), timeout, "the result of " + requestId, diagnostics);
    }

    /** Waits, at most {@code timeout}, for an {@code /init/error}. */
    Post awaitInitError(Duration timeout, Supplier<String> diagnostics) {
        return await(initError, timeout, "an init error", diagnostics);
    }

    private static Post await(CompletableFuture<Post> future, Duration timeout, String what, Supplier<String> diagnostics) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("No " + what + " within " + timeout + ".\n" + diagnostics.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            byte[] body = readBody(exchange.getRequestBody());
            if (path.equals("invocation/next") && exchange.getRequestMethod().equals("GET")) {
                next(exchange);
            } else if (path.equals("init/error")) {
                initError.complete(new Post("init/error", headers(exchange), body));
                respond(exchange, 202, "{\"status\":\"OK\"}");
            } else if (path.startsWith("invocation/") && (path.endsWith("/response") || path.endsWith("/error"))) {
                String[] parts = path.split("/");
                CompletableFuture<Post> result = results.get(parts[1]);
                if (result == null) {
                    respond(exchange, 400, "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}");
                } else {
                    result.complete(new Post(parts[2], headers(exchange), body));
                    respond(exchange, 202, "{\"status\":\"OK\"}");
                }
            } else {
                respond(exchange, 404, "{\"errorMessage\":\"not found\",\"errorType\":\"NotFound\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        Event event;
        try {
            event = events.take();
        } catch (InterruptedException e) {
            // The server is closing.
            Thread.currentThread().interrupt();
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", event.requestId());
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                Long.toString(System.currentTimeMillis() + Duration.ofMinutes(5).toMillis()));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:us-east-1:123456789012:function:test_function");
        exchange.sendResponseHeaders(200, event.body().length == 0 ? -1 : event.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(event.body());
        }
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        return headers;
    }

    private static byte[] readBody(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
