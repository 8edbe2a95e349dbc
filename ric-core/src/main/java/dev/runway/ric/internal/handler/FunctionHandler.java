package dev.runway.ric.internal.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.runway.ric.internal.loop.ResponseBuffer;

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
    void handle(byte[] event, ResponseBuffer response, Context context) throws Throwable;
}
