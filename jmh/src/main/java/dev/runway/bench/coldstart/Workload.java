package dev.runway.bench.coldstart;

import dev.runway.bench.function.PojoHandler;
import dev.runway.bench.function.StreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A function and the event it is invoked with, plus a check that a client's answer is the right one. */
enum Workload {

    /** {@code RequestHandler<GreetingRequest, GreetingResponse>}: JSON in, JSON out. */
    POJO("pojo", PojoHandler.class.getName(),
            "{\"name\":\"bench\",\"count\":3,\"tags\":[\"cold\",\"warm\",\"start\"]}"),

    /** {@code RequestStreamHandler} echoing the event upper-cased: no serializer at all. */
    STREAM("stream", StreamHandler.class.getName(),
            "{\"name\":\"bench\",\"count\":3,\"tags\":[\"cold\",\"warm\",\"start\"]}");

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
            case STREAM -> Arrays.equals(response, new String(event, StandardCharsets.UTF_8)
                    .toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        };
    }

    static Workload byLabel(String label) {
        for (Workload w : values()) {
            if (w.label.equalsIgnoreCase(label.trim())) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown handler '" + label + "'; expected pojo or stream");
    }
}
