package dev.runway.bootstrap.local.internal.sandbox;

import dev.runway.bootstrap.local.InvokeResult;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Collects an invoke's answer in memory, streamed or not, for invokes made from Java (the JUnit kit). */
public final class CollectingResponder implements InvokeResponder {

    private final CompletableFuture<InvokeResult> result = new CompletableFuture<>();
    private final ByteArrayOutputStream streamed = new ByteArrayOutputStream();
    private Map<String, String> streamHeaders;

    /** @return completes with the answer */
    public CompletableFuture<InvokeResult> result() {
        return result;
    }

    @Override
    public synchronized void respond(int status, Map<String, String> headers, byte[] body) {
        if (streamHeaders == null) {
            result.complete(new InvokeResult(status, Map.copyOf(headers), body, Map.of()));
        }
    }

    @Override
    public synchronized void startStream(Map<String, String> headers) {
        if (!result.isDone() && streamHeaders == null) {
            streamHeaders = new LinkedHashMap<>(headers);
        }
    }

    @Override
    public synchronized void chunk(ByteBuf chunk, Runnable written) {
        try {
            if (streamHeaders != null && !result.isDone()) {
                chunk.readBytes(streamed, chunk.readableBytes());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            chunk.release();
            written.run();
        }
    }

    @Override
    public synchronized void endStream(Map<String, String> trailers) {
        if (streamHeaders != null) {
            Map<String, String> kept = new LinkedHashMap<>();
            trailers.forEach((name, value) -> {
                if (value != null) {
                    kept.put(name, value);
                }
            });
            result.complete(new InvokeResult(200, Map.copyOf(streamHeaders), streamed.toByteArray(), kept));
        }
    }
}
