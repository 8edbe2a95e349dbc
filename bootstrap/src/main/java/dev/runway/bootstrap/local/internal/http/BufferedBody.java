package dev.runway.bootstrap.local.internal.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Arrays;

/**
 * Collects a request body up to a limit, then only counts it. The endpoint answers once the whole body is in,
 * even when it is too large: a client still writing its body would otherwise see a broken pipe rather than the
 * platform's 413, and the runtime client retries on connection errors.
 */
public final class BufferedBody implements BodyConsumer {

    /** What to do with the body once it is complete. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param body the bytes, at most the limit
         * @param size the real size of the body
         * @param trailers the trailers, when chunked
         */
        void complete(byte[] body, long size, HttpHeaders trailers);
    }

    private final int limit;
    private final Handler handler;
    private byte[] bytes = new byte[0];
    private int count;
    private long size;

    /**
     * @param limit the most bytes kept
     * @param handler called with the body
     */
    public BufferedBody(int limit, Handler handler) {
        this.limit = limit;
        this.handler = handler;
    }

    @Override
    public void content(ByteBuf chunk) {
        int n = chunk.readableBytes();
        size += n;
        int kept = (int) Math.min(n, (long) limit - count);
        if (kept <= 0) {
            return;
        }
        if (count + kept > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max((long) bytes.length * 2, count + kept)));
        }
        chunk.getBytes(chunk.readerIndex(), bytes, count, kept);
        count += kept;
    }

    @Override
    public void end(HttpHeaders trailers) {
        handler.complete(count == bytes.length ? bytes : Arrays.copyOf(bytes, count), size, trailers);
    }
}
