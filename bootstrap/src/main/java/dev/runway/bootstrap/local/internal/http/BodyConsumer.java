package dev.runway.bootstrap.local.internal.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * Receives the body of one request as it arrives, on the connection's event loop. The body may be large (a
 * 6 MB response) or streamed (chunks of a streamed response, forwarded as they come), so nothing is aggregated
 * unless the endpoint asks for it ({@link BufferedBody}).
 */
public interface BodyConsumer {

    /**
     * A piece of the body. The buffer belongs to the caller and is released after this returns: copy or
     * {@link ByteBuf#retain()} what must outlive the call.
     *
     * @param chunk the bytes
     */
    void content(ByteBuf chunk);

    /**
     * The body is complete.
     *
     * @param trailers the trailer fields of a chunked body; empty otherwise
     */
    void end(HttpHeaders trailers);

    /** The connection closed, or the request was malformed, before the body ended. */
    default void aborted() {}

    /** A consumer for requests that have no body worth reading: it calls {@code onEnd} when the request ends. */
    static BodyConsumer ignoring(Runnable onEnd) {
        return new BodyConsumer() {
            @Override
            public void content(ByteBuf chunk) {
                // nothing to keep
            }

            @Override
            public void end(HttpHeaders trailers) {
                onEnd.run();
            }
        };
    }
}
