package dev.runway.ric.internal.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;

/**
 * Calls a {@code RequestStreamHandler}: the event as an {@code InputStream}, the response buffer as its
 * {@code OutputStream}. A direct interface call, no reflection.
 *
 * @param handler the user's instance, shared by all loops
 */
record StreamHandlerAdapter(RequestStreamHandler handler) implements FunctionHandler {

    @Override
    public void handle(byte[] event, OutputStream response, Context context) throws Throwable {
        handler.handleRequest(new ByteArrayInputStream(event), response, context);
    }

    @Override
    public FunctionHandler streaming() {
        return new StreamingHandlerAdapter((event, response, context) ->
                handler.handleRequest(new ByteArrayInputStream(event), response, context));
    }
}
