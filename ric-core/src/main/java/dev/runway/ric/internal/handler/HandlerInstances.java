package dev.runway.ric.internal.handler;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/**
 * Creates the one instance of a handler class that every invocation shares, through its public no-argument
 * constructor, during init.
 *
 * <p>Two kinds of failure are kept apart. A class that cannot be instantiated at all (no such constructor, a
 * non-static inner class, an abstract class) is a {@link HandlerLoadException}: the handler string names
 * something unusable, and the report needs no stack trace. A constructor that runs and throws is the function's
 * own failure: its exception leaves as itself, neither wrapped nor unwrapped further, so init reports it with
 * its stack trace, as an invocation error would be.
 */
final class HandlerInstances {

    private HandlerInstances() {}

    /**
     * Instantiates a handler class.
     *
     * @param type the class
     * @return the new instance
     * @throws HandlerLoadException when the class has no usable public no-argument constructor
     */
    static Object create(Class<?> type) {
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
                throw new HandlerLoadException(NoSuchMethodException.class.getName(), "Class " + type.getName()
                        + " cannot be instantiated because it is a non-static inner class; make it static", null);
            }
            throw new HandlerLoadException(NoSuchMethodException.class.getName(),
                    "Class " + type.getName() + " has no public zero-argument constructor", null);
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new HandlerLoadException(InstantiationException.class.getName(),
                    "Class " + type.getName() + " is abstract and cannot be instantiated", null);
        }
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
        } catch (InstantiationException e) {
            throw new HandlerLoadException(InstantiationException.class.getName(),
                    "Class " + type.getName() + " cannot be instantiated", e);
        } catch (IllegalAccessException e) {
            throw new HandlerLoadException(IllegalAccessException.class.getName(), "Cannot instantiate class "
                    + type.getName() + ": " + e.getMessage() + " (the handler class must be public)", e);
        }
    }

    /**
     * Throws what the constructor threw, checked or not, without wrapping it: the exception object is the
     * user's own. Declared to return an exception so call sites read {@code throw rethrow(e)}.
     */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException rethrow(Throwable failure) throws T {
        throw (T) failure;
    }
}
