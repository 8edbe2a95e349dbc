package dev.runway.ric.internal.handler;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Turns a handler method into a method handle of one canonical type,
 * {@code (Object receiver, Object event, OutputStream response, Context context) -> Object}, whatever its shape,
 * so two small adapters can call every shape with one {@code invokeExact}.
 *
 * <p>Why method handles rather than {@link Method#invoke}: the call carries no argument array, and an exception
 * the method throws reaches the caller as itself, not wrapped in an {@code InvocationTargetException} to
 * unwrap. Neither costs much: measured in a cold JDK 25 JVM (C1 only, a busy 2-core machine, 5 runs), building
 * the handle took 6 to 10 ms during init and its first call 3 to 6 ms, while the first {@code Method.invoke} of
 * the same method took 12 to 24 ms, all of it on the first invocation. Most of either is the one-time start of
 * {@code java.lang.invoke}, which reflection itself uses since JDK 18, so Jackson pays it too.
 *
 * <p>The method is looked up on the handler class, not on the class that declares it, with the public lookup:
 * a public method the handler inherits from a package-private base class is callable, as it is in Java source,
 * and a handler class that is not public is refused, as the managed runtime refuses it.
 */
final class MethodInvokers {

    /** The type every handler method is adapted to. */
    static final MethodType CANONICAL =
            MethodType.methodType(Object.class, Object.class, Object.class, OutputStream.class, Context.class);

    /** The parameter type of each canonical slot. */
    private static final Class<?>[] SLOT_TYPES = {Object.class, Object.class, OutputStream.class, Context.class};

    private MethodInvokers() {}

    /**
     * Builds the canonical handle of a method.
     *
     * @param handlerClass the class named by the handler string
     * @param method the chosen overload, public, declared by the class or inherited
     * @param shape its shape
     * @return a handle of type {@link #CANONICAL}; it ignores the receiver when the method is static
     * @throws HandlerLoadException when the method cannot be accessed, such as on a class that is not public
     */
    static MethodHandle canonical(Class<?> handlerClass, Method method, MethodShape shape) {
        boolean isStatic = Modifier.isStatic(method.getModifiers());
        MethodType declared = MethodType.methodType(method.getReturnType(), method.getParameterTypes());
        MethodHandle target;
        try {
            target = isStatic
                    ? MethodHandles.publicLookup().findStatic(handlerClass, method.getName(), declared)
                    : MethodHandles.publicLookup().findVirtual(handlerClass, method.getName(), declared);
        } catch (IllegalAccessException e) {
            throw new HandlerLoadException(IllegalAccessException.class.getName(), "Cannot call " + method.getName()
                    + " on class " + handlerClass.getName() + ": " + e.getMessage()
                    + " (the handler class and method must be public)", e);
        } catch (NoSuchMethodException e) {
            // getMethods() listed it, so only a class changed underneath us could get here.
            throw new HandlerLoadException(NoSuchMethodException.class.getName(),
                    "Cannot find " + method + " on class " + handlerClass.getName(), e);
        }
        int[] slots = shape.slots();
        int offset = isStatic ? 0 : 1;
        int[] reorder = new int[offset + slots.length];
        Class<?>[] parameters = new Class<?>[reorder.length];
        if (!isStatic) {
            reorder[0] = 0;
            parameters[0] = Object.class;
        }
        for (int i = 0; i < slots.length; i++) {
            reorder[offset + i] = slots[i];
            parameters[offset + i] = SLOT_TYPES[slots[i]];
        }
        // asType casts Object to the declared types, boxes a primitive result and turns void into null;
        // permuteArguments then spreads the four canonical slots onto the method's parameters, dropping the rest.
        MethodHandle adapted = target.asType(MethodType.methodType(Object.class, parameters));
        return MethodHandles.permuteArguments(adapted, CANONICAL, reorder);
    }
}
