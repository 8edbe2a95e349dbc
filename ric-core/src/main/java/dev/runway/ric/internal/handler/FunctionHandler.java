package dev.runway.ric.internal.handler;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.OutputStream;

/**
 * One loaded function handler, whatever shape the user wrote it in ({@code RequestHandler},
 * {@code RequestStreamHandler} or a POJO method): the loop sees only this.
 *
 * <p>Implementations are shared by every loop under multi-concurrency, so they must be thread-safe.
 */
@FunctionalInterface
public interface FunctionHandler {

    /**
     * Handles one invocation.
     *
     * @param event the invocation payload exactly as the Runtime API delivered it (never {@code null}, may be empty)
     * @param response where the response payload is written; it is empty when the call starts
     * @param context the invocation's context
     * @throws Throwable whatever the user's code throws; the loop reports it to {@code /error}
     */
    void handle(byte[] event, OutputStream response, Context context) throws Throwable;

    /**
     * @return whether the response streams to the caller as it is written: the loop then passes a
     *     {@link dev.runway.ric.ResponseStream} as {@code response} and posts it chunk by chunk
     */
    default boolean streamsResponse() {
        return false;
    }

    /**
     * The streaming version of this handler, for {@code RUNWAY_RESPONSE_STREAMING=true}: only a handler that
     * writes its response to an {@code OutputStream} itself can stream it.
     *
     * @return the handler streaming its response, or {@code null} when its shape cannot stream
     */
    default FunctionHandler streaming() {
        return null;
    }
}
