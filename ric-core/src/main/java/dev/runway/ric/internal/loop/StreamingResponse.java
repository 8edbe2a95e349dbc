package dev.runway.ric.internal.loop;

import dev.runway.ric.ResponseStream;
import dev.runway.ric.internal.api.PostResult;
import dev.runway.ric.internal.api.RuntimeApiClient;
import dev.runway.ric.internal.api.StreamingPost;
import java.io.IOException;
import java.util.Objects;

/**
 * The {@link ResponseStream} of one streamed invocation. Bytes gather in a small buffer and leave as a chunk when it
 * is full or on {@link #flush()}; the request head leaves with the first chunk, so the handler can still choose the
 * content type until then. Writing to the socket blocks while the platform does not read: that is the
 * back-pressure that keeps a slow caller from making the runtime buffer the body.
 */
final class StreamingResponse extends ResponseStream {

    /** Bytes gathered before a chunk is sent without a flush: small enough for a prompt first byte. */
    private static final int CHUNK = 8 * 1024;
    static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

    private final RuntimeApiClient client;
    private final String requestId;
    private final long limit;
    private final byte[] pending = new byte[CHUNK];
    private int count;
    private long written;
    private String contentType = DEFAULT_CONTENT_TYPE;
    private StreamingPost post;
    private boolean overflowed;

    StreamingResponse(RuntimeApiClient client, String requestId, long limit) {
        this.client = client;
        this.requestId = requestId;
        this.limit = limit;
    }

    @Override
    public void setContentType(String contentType) {
        if (post != null) {
            throw new IllegalStateException("the response has started: its content type is " + this.contentType);
        }
        this.contentType = Objects.requireNonNull(contentType, "contentType");
    }

    @Override
    public boolean isCommitted() {
        return post != null;
    }

    @Override
    public void write(int b) throws IOException {
        checkLimit(1);
        if (count == pending.length) {
            sendPending();
        }
        pending[count++] = (byte) b;
        written++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        checkLimit(len);
        if (count + len <= pending.length) {
            System.arraycopy(b, off, pending, count, len);
            count += len;
        } else {
            sendPending();
            if (len < pending.length) {
                System.arraycopy(b, off, pending, 0, len);
                count = len;
            } else {
                start().send(b, off, len);
            }
        }
        written += len;
    }

    @Override
    public void flush() throws IOException {
        sendPending();
    }

    /** @return whether the handler tried to write more than the limit */
    boolean overflowed() {
        return overflowed;
    }

    /** @return the bytes the handler wrote, or tried to */
    long written() {
        return written;
    }

    /** Ends a successful response: what is left, then the end of the body. */
    PostResult finish() throws IOException {
        sendPending();
        return start().finish();
    }

    /**
     * Ends a failed response with the error trailers. Only for a response that has started: one that has not is
     * reported through {@code /error} instead.
     */
    PostResult fail(String errorType, byte[] errorBody) {
        return post.fail(errorType, errorBody);
    }

    private void checkLimit(int more) throws IOException {
        if (written + more > limit) {
            overflowed = true;
            written += more;
            throw new IOException("Response payload size exceeded maximum allowed payload size (" + limit + " bytes).");
        }
    }

    private void sendPending() throws IOException {
        if (count > 0) {
            start().send(pending, 0, count);
            count = 0;
        }
    }

    private StreamingPost start() {
        if (post == null) {
            post = client.startStreamingResponse(requestId, contentType);
        }
        return post;
    }
}
