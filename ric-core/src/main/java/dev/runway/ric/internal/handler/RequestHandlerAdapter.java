package dev.runway.ric.internal.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.runway.ric.internal.json.PojoCodec;
import java.io.OutputStream;

/**
 * Calls a {@code RequestHandler<I, O>}: reads the event as {@code I}, writes the result as {@code O}. A direct
 * interface call, no reflection.
 *
 * @param handler the user's instance, shared by all loops
 * @param input reads {@code I}; {@code null} when {@code I} is {@code Void}, so the handler gets {@code null}
 * @param output writes {@code O}; {@code null} when {@code O} is {@code Void}, so the response is JSON {@code null}
 */
record RequestHandlerAdapter(RequestHandler<Object, Object> handler, PojoCodec input, PojoCodec output)
        implements FunctionHandler {

    @Override
    public void handle(byte[] event, OutputStream response, Context context) throws Throwable {
        Object result = handler.handleRequest(input == null ? null : input.forClient(context).read(event), context);
        if (output == null) {
            JsonNull.writeTo(response);
        } else {
            output.forClient(context).write(result, response);
        }
    }
}
