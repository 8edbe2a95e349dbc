package dev.runway.bench.coldstart;

import dev.runway.bench.function.PojoHandler;
import dev.runway.bench.function.StreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** A function and the event it is invoked with, plus a check that a client's answer is the right one. */
enum Workload {

    /** {@code RequestHandler<GreetingRequest, GreetingResponse>}: JSON in, JSON out. */
    POJO("pojo", PojoHandler.class.getName(),
            "{\"name\":\"bench\",\"count\":3,\"tags\":[\"cold\",\"warm\",\"start\"]}"),

    /** {@code RequestStreamHandler} echoing the event upper-cased: no serializer at all. */
    STREAM("stream", StreamHandler.class.getName(),
            "{\"name\":\"bench\",\"count\":3,\"tags\":[\"cold\",\"warm\",\"start\"]}"),

    /**
     * A real application: the compatibility suite's Spring Cloud Function app (Spring Boot 4, the AWS adapter's
     * {@code FunctionInvoker}), its record function {@code greet}. Its jars come from the build of
     * {@code compat/spring-cloud-function} ({@code target/function/lib}); no floor row (the floor has no framework).
     */
    SPRING("spring", "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest",
            "{\"name\":\"bench\",\"times\":2}");

    private final String label;
    private final String handler;
    private final byte[] event;

    Workload(String label, String handler, String event) {
        this.label = label;
        this.handler = handler;
        this.event = event.getBytes(StandardCharsets.UTF_8);
    }

    String label() {
        return label;
    }

    /** @return the handler string, the same for every client */
    String handler() {
        return handler;
    }

    byte[] event() {
        return event.clone();
    }

    /**
     * Checks a client's first response, so a client that answers fast but wrong cannot win.
     *
     * @param response the body of the {@code /response} post
     * @return whether it is what the function returns for {@link #event()}
     */
    boolean accepts(byte[] response) {
        String text = new String(response, StandardCharsets.UTF_8);
        return switch (this) {
            // Serializers may order fields differently; the values are what matters.
            case POJO -> text.contains("\"message\":\"" + PojoHandler.GREETING + "bench!\"")
                    && text.contains("\"total\":9")
                    && text.contains("\"requestId\":\"");
            case SPRING -> text.contains("Hello, bench! Hello, bench!") && text.contains("\"length\":27");
            case STREAM -> Arrays.equals(response, new String(event, StandardCharsets.UTF_8)
                    .toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        };
    }

    /** @return the target for Runway trained / official at the first response, or NaN for none */
    double trainedTarget() {
        return switch (this) {
            case POJO -> 0.33;
            case SPRING -> 0.5;
            default -> Double.NaN;
        };
    }

    /** @return the function's own environment variables, the same for every client */
    Map<String, String> environment() {
        return this == SPRING
                ? Map.of("MAIN_CLASS", "dev.runway.compat.spring.CompatApplication",
                        "SPRING_CLOUD_FUNCTION_DEFINITION", "greet")
                : Map.of();
    }

    /** @return whether a client runs this function (the floor runs no framework) */
    boolean runsOn(Client client) {
        return this != SPRING || client != Client.FLOOR;
    }

    static Workload byLabel(String label) {
        for (Workload w : values()) {
            if (w.label.equalsIgnoreCase(label.trim())) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown handler '" + label + "'; expected pojo, stream or spring");
    }
}
