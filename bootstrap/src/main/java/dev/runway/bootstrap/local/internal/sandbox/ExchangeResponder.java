package dev.runway.bootstrap.local.internal.sandbox;

import dev.runway.bootstrap.local.internal.http.Exchange;
import io.netty.buffer.ByteBuf;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends an invoke's result to the HTTP client that asked for it. It lives beside {@link InvokeResponder}, not in the
 * http package: the sandbox uses http, so http must not use the sandbox (no package cycle).
 */
final class ExchangeResponder implements InvokeResponder {

    private final Exchange exchange;

    /**
     * @param exchange the invoke request
     */
    ExchangeResponder(Exchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public void respond(int status, Map<String, String> headers, byte[] body) {
        Map<String, String> rest = new LinkedHashMap<>(headers);
        String contentType = rest.remove("Content-Type");
        exchange.respond(status, contentType, body, rest);
    }

    @Override
    public void startStream(Map<String, String> headers) {
        exchange.startStream(200, headers);
    }

    @Override
    public void chunk(ByteBuf chunk, Runnable written) {
        exchange.writeChunk(chunk, written);
    }

    @Override
    public void endStream(Map<String, String> trailers) {
        exchange.endStream(trailers);
    }
}
