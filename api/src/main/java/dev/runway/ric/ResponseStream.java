package dev.runway.ric;

import java.io.OutputStream;

/**
 * The response of a streaming function: bytes written here travel to the caller while the handler runs
 * ({@code Lambda-Runtime-Function-Response-Mode: streaming}, chunked transfer), instead of being buffered until it
 * returns.
 *
 * <p>Bytes are sent in chunks of a few kilobytes, or at once on {@link #flush()}. Writes block while the platform
 * is not reading, so a slow caller slows the handler down rather than filling the heap. A response may carry at
 * most {@value #MAX_BYTES} bytes: a write past that fails with an {@link java.io.IOException} and the caller receives
 * the platform's {@code Function.ResponseSizeTooLarge} error. An exception thrown by the handler after the first
 * byte left reaches the caller as the error trailers of the stream.
 *
 * <p>Not thread-safe: one handler thread writes.
 */
public abstract class ResponseStream extends OutputStream {

    /** The most a streamed response may carry: 20 MiB, Lambda's documented limit. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    /** Only the runtime makes response streams. */
    protected ResponseStream() {}

    /**
     * Sets the {@code Content-Type} of the response; only before the first byte is sent.
     *
     * @param contentType the media type, such as {@code text/event-stream}
     * @throws IllegalStateException when bytes were already sent
     */
    public abstract void setContentType(String contentType);

    /**
     * Tells whether the response has started.
     *
     * @return whether the first bytes have left, after which the content type is fixed
     */
    public abstract boolean isCommitted();
}
