package dev.runway.ric.internal.handler;

import com.amazonaws.services.lambda.runtime.Context;
import dev.runway.ric.internal.json.PojoCodec;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;

/**
 * Calls a JSON handler method, such as {@code Order handle(Cart, Context)}: reads the event with the type of
 * its parameter, writes its result with the type of its generic return type.
 *
 * @param invoker the method, adapted to {@link MethodInvokers#CANONICAL}
 * @param receiver the handler instance, {@code null} for a static method
 * @param input reads the event; {@code null} for {@code (Context)} and {@code ()}, which ignore it
 * @param output writes the result; {@code null} for {@code void} and {@code Void}, which answer JSON {@code null}
 */
record PojoMethodAdapter(MethodHandle invoker, Object receiver, PojoCodec input, PojoCodec output)
        implements FunctionHandler {

    @Override
    public void handle(byte[] event, OutputStream response, Context context) throws Throwable {
        Object value = input == null ? null : input.forClient(context).read(event);
        Object result = (Object) invoker.invokeExact(receiver, value, (OutputStream) response, context);
        if (output == null) {
            JsonNull.writeTo(response);
        } else {
            output.forClient(context).write(result, response);
        }
    }
}
