package dev.runway.ric.internal.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.runway.ric.internal.loop.ResponseBuffer;
import java.io.ByteArrayInputStream;

/**
 * Calls a {@code RequestStreamHandler}: the event as an {@code InputStream}, the response buffer as its
 * {@code OutputStream}. A direct interface call, no reflection.
 *
 * @param handler the user's instance, shared by all loops
 */
record StreamHandlerAdapter(RequestStreamHandler handler) implements FunctionHandler {

    @Override
    public void handle(byte[] event, ResponseBuffer response, Context context) throws Throwable {
        handler.handleRequest(new ByteArrayInputStream(event), response, context);
    }
}
