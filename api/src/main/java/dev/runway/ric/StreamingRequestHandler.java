package dev.runway.ric;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * A handler whose response streams to the caller as it is written (Lambda response streaming, for function URLs
 * and {@code InvokeWithResponseStream}). Named as any handler: {@code pkg.Class}.
 *
 * <p>An existing {@code RequestStreamHandler} can stream without a rewrite: set {@code RUNWAY_RESPONSE_STREAMING=true}
 * and its {@code OutputStream} is a {@link ResponseStream}. For HTTP responses with a status, headers and cookies
 * (function URLs, API Gateway), start the stream with {@link HttpResponseStream#open}.
 */
@FunctionalInterface
public interface StreamingRequestHandler {

    /**
     * Handles one invocation.
     *
     * @param input the event
     * @param output the response, sent as it is written
     * @param context the invocation's context
     * @throws IOException when reading the event or writing the response fails
     */
    void handleRequest(InputStream input, ResponseStream output, Context context) throws IOException;
}
