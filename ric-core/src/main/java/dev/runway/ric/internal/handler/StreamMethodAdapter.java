package dev.runway.ric.internal.handler;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;

/**
 * Calls a stream-shaped handler method, such as {@code void handle(InputStream, OutputStream, Context)}. Its
 * return value is ignored; a method that takes no {@code OutputStream} answers JSON {@code null}.
 *
 * @param invoker the method, adapted to {@link MethodInvokers#CANONICAL}
 * @param receiver the handler instance, {@code null} for a static method
 * @param takesEvent whether the method reads the event, so an {@code InputStream} is worth creating
 * @param writesNull whether the response is JSON {@code null} because the method has no {@code OutputStream}
 */
record StreamMethodAdapter(MethodHandle invoker, Object receiver, boolean takesEvent, boolean writesNull)
        implements FunctionHandler {

    @Override
    public void handle(byte[] event, OutputStream response, Context context) throws Throwable {
        Object in = takesEvent ? new ByteArrayInputStream(event) : null;
        Object ignored = (Object) invoker.invokeExact(receiver, in, (OutputStream) response, context);
        if (writesNull) {
            JsonNull.writeTo(response);
        }
    }

    @Override
    public FunctionHandler streaming() {
        return writesNull ? null : new StreamingHandlerAdapter(this::handle);
    }
}
