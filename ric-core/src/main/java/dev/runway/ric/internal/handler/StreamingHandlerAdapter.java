package dev.runway.ric.internal.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.runway.ric.ResponseStream;
import dev.runway.ric.StreamingRequestHandler;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;

/**
 * A handler whose response streams: a {@link StreamingRequestHandler}, or a stream handler opted in with
 * {@code RUNWAY_RESPONSE_STREAMING}. The loop hands it a {@link ResponseStream}.
 *
 * @param target what writes the response
 */
record StreamingHandlerAdapter(FunctionHandler target) implements FunctionHandler {

    /** A {@link StreamingRequestHandler} called directly, with the loop's response stream. */
    static StreamingHandlerAdapter of(StreamingRequestHandler handler) {
        return new StreamingHandlerAdapter((event, response, context) ->
                handler.handleRequest(new ByteArrayInputStream(event), (ResponseStream) response, context));
    }

    @Override
    public void handle(byte[] event, OutputStream response, Context context) throws Throwable {
        target.handle(event, response, context);
    }

    @Override
    public boolean streamsResponse() {
        return true;
    }

    @Override
    public FunctionHandler streaming() {
        return this;
    }
}
