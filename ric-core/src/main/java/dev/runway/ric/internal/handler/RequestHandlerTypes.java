package dev.runway.ric.internal.handler;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;

/**
 * The input and output types of a {@code RequestHandler<I, O>} class, which decide how events are read and
 * results written.
 *
 * <p>The arguments are found wherever the class binds them: directly, through a generic superclass
 * ({@code class B extends A<Map<String, Integer>>}, {@code class A<T> implements RequestHandler<T, String>}), or
 * through an interface that extends {@code RequestHandler} with its own type parameters.
 *
 * @param input the type of {@code I}, free of type variables
 * @param output the type of {@code O}, free of type variables
 */
record RequestHandlerTypes(Type input, Type output) {

    /**
     * Resolves the arguments of {@code RequestHandler} for a class that implements it.
     *
     * @param resolver the resolver of the handler class
     * @return its input and output types; {@code Object} for both when the class implements the raw type, whose
     *     {@code handleRequest} takes and returns {@code Object}
     * @throws HandlerLoadException when an argument is a type variable of the class with no bound, so there is no
     *     type to read the event as
     */
    static RequestHandlerTypes of(TypeResolver resolver) {
        Type[] arguments = resolver.argumentsOf(RequestHandler.class);
        if (arguments == null) {
            return new RequestHandlerTypes(Object.class, Object.class);
        }
        for (Type argument : arguments) {
            // A variable still standing here belongs to the handler class itself: nothing in the hierarchy binds
            // it. A bound such as <T extends Order> still names a type to read; a bare <T> does not.
            if (argument instanceof TypeVariable<?> variable && !hasBound(variable)) {
                throw new HandlerLoadException(IllegalArgumentException.class.getName(), "Class "
                        + resolver.root().getName() + " does not implement RequestHandler with concrete type parameters:"
                        + " parameter " + variable.getName() + " has no upper bound", null);
            }
        }
        return new RequestHandlerTypes(resolver.resolve(arguments[0]), resolver.resolve(arguments[1]));
    }

    private static boolean hasBound(TypeVariable<?> variable) {
        for (Type bound : variable.getBounds()) {
            if (bound != Object.class) {
                return true;
            }
        }
        return false;
    }
}
