package dev.runway.bootstrap.local.internal.sandbox;

import dev.runway.bootstrap.local.internal.http.BodyConsumer;
import dev.runway.bootstrap.local.internal.http.BufferedBody;
import dev.runway.bootstrap.local.internal.http.Exchange;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The RIE's invoke endpoint, {@code POST /2015-03-31/functions/function/invocations}, so that every script
 * written for the RIE works unchanged; and {@code /2021-11-15/functions/function/response-streaming-invocations}
 * for streamed responses.
 */
public final class InvokeApi {

    private final Sandbox sandbox;

    /**
     * @param sandbox the environment
     */
    public InvokeApi(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** An invoke request. */
    public BodyConsumer invoke(Exchange exchange) {
        return new BufferedBody(PlatformConfig.MAX_PAYLOAD, (body, size, trailers) -> {
            if (size > PlatformConfig.MAX_PAYLOAD) {
                // Lambda refuses the request; the RIE would silently cut it at this size instead.
                exchange.respondJson(413, Errors.invokeJson("RequestEntityTooLargeException",
                        "Request must be smaller than " + PlatformConfig.MAX_PAYLOAD + " bytes for the InvokeFunction operation"));
                return;
            }
            String clientContext = exchange.header("X-Amz-Client-Context");
            if (clientContext != null && !clientContext.isEmpty()) {
                try {
                    clientContext = new String(Base64.getDecoder().decode(clientContext.trim()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    // As the RIE: a client context that is not base64 is a 500 with no body.
                    exchange.respond(500, null, new byte[0], Map.of());
                    return;
                }
            }
            InvokeRequest request = new InvokeRequest(body, emptyToNull(clientContext),
                    emptyToNull(exchange.header("X-Amzn-Trace-Id")), emptyToNull(exchange.header("X-Amz-Tenant-Id")),
                    exchange.header("Content-Type"), exchange.header("X-Amzn-RequestId"));
            String type = exchange.header("X-Amz-Invocation-Type");
            if ("DryRun".equalsIgnoreCase(type)) {
                exchange.respond(204, null, new byte[0], Map.of());
            } else if ("Event".equalsIgnoreCase(type)) {
                // Asynchronous: accepted now, run in the background, the result logged only.
                exchange.respond(202, null, new byte[0], Map.of());
                sandbox.invoke(request, DISCARD);
            } else {
                sandbox.invoke(request, new ExchangeResponder(exchange));
            }
        });
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static final InvokeResponder DISCARD = new InvokeResponder() {
        @Override
        public void respond(int status, Map<String, String> headers, byte[] body) {}

        @Override
        public void startStream(Map<String, String> headers) {}

        @Override
        public void chunk(ByteBuf chunk, Runnable written) {
            chunk.release();
            written.run();
        }

        @Override
        public void endStream(Map<String, String> trailers) {}
    };
}
