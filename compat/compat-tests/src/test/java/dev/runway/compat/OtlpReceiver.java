package dev.runway.compat;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** An OTLP/HTTP trace receiver of the test's own (protobuf, {@code /v1/traces}) on a free loopback port. */
final class OtlpReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", exchange -> {
                try (exchange) {
                    ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(
                            exchange.getRequestBody().readAllBytes());
                    for (ResourceSpans resource : request.getResourceSpansList()) {
                        for (ScopeSpans scope : resource.getScopeSpansList()) {
                            receiver.spans.addAll(scope.getSpansList());
                        }
                    }
                    byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                    exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                    exchange.sendResponseHeaders(200, answer.length);
                    exchange.getResponseBody().write(answer);
                }
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the traces endpoint, for {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} */
    String tracesEndpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    /**
     * Waits until {@code count} spans match, or a watchdog's minute has passed (the agent flushes at the end of each
     * invocation, so they are normally all there when the last answer is), and returns those that match.
     */
    List<Span> await(Predicate<Span> filter, int count) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (spans.stream().filter(filter).count() < count && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return spans.stream().filter(filter).toList();
    }

    void clear() {
        spans.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
