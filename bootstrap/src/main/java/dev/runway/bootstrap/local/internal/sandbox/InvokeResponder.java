package dev.runway.bootstrap.local.internal.sandbox;

import io.netty.buffer.ByteBuf;
import java.util.Map;

/**
 * Where the result of an invoke goes: the invoke endpoint's HTTP exchange, or a test's collector. Whole or
 * streamed, as the runtime answers. Only the first answer counts.
 */
public interface InvokeResponder {

    /**
     * The whole answer.
     *
     * @param status the HTTP status
     * @param headers the headers, such as {@code Content-Type}
     * @param body the body
     */
    void respond(int status, Map<String, String> headers, byte[] body);

    /**
     * Starts a streamed answer (status 200).
     *
     * @param headers the headers
     */
    void startStream(Map<String, String> headers);

    /**
     * One chunk of a streamed answer.
     *
     * @param chunk the bytes; the responder takes ownership
     * @param written run when the chunk has left, so the runtime's connection reads on
     */
    void chunk(ByteBuf chunk, Runnable written);

    /**
     * Ends a streamed answer.
     *
     * @param trailers trailer fields, such as an error the runtime reported mid-stream
     */
    void endStream(Map<String, String> trailers);
}
