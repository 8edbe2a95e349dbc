package dev.runway.ric.internal.handler;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.runway.ric.internal.json.PojoCodec;
import dev.runway.ric.internal.json.PojoCodecs;
import java.io.ByteArrayInputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** Resolves a handler string ({@code pkg.Class} or {@code pkg.Class::method}) to a {@link FunctionHandler}. */
public final class HandlerLoader {

    private HandlerLoader() {}

    /**
     * Loads, links and instantiates the handler.
     *
     * @param handler the handler string
     * @param loader the function's class loader
     * @return the handler, ready for invocations
     * @throws HandlerLoadException when the string names nothing callable
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static FunctionHandler load(String handler, ClassLoader loader) {
        if (handler == null || handler.isBlank()) {
            throw new HandlerLoadException("java.lang.IllegalArgumentException", "No handler was given (_HANDLER is empty)", null);
        }
        Class<?> type;
        try {
            type = Class.forName(handler, true, loader);
        } catch (ClassNotFoundException e) {
            throw new HandlerLoadException("java.lang.ClassNotFoundException", "Class not found: " + handler, e);
        }
        Object instance;
        try {
            instance = type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new HandlerLoadException(e.getClass().getName(), "Cannot create " + handler, e);
        }
        if (instance instanceof RequestStreamHandler stream) {
            return (event, response, context) -> stream.handleRequest(new ByteArrayInputStream(event), response, context);
        }
        if (instance instanceof RequestHandler pojo) {
            Type[] args = ((ParameterizedType) type.getGenericInterfaces()[0]).getActualTypeArguments();
            PojoCodec in = PojoCodecs.forType(args[0], loader);
            PojoCodec out = PojoCodecs.forType(args[1], loader);
            return (event, response, context) -> out.write(pojo.handleRequest(in.read(event), context), response);
        }
        throw new HandlerLoadException("java.lang.IllegalArgumentException",
                "Class " + handler + " does not implement an appropriate handler interface", null);
    }
}
