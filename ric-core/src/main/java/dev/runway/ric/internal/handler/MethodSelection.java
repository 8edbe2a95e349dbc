package dev.runway.ric.internal.handler;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

/**
 * Picks the handler method named by {@code pkg.Class::method}: among the class's public methods of that name,
 * inherited ones included, the first in {@link MethodPriority} order that has one of the ten
 * {@link MethodShape shapes}.
 *
 * @param method the chosen overload
 * @param shape its shape
 * @param parameterTypes its generic parameter types, resolved against the handler class
 * @param returnType its generic return type, resolved against the handler class
 */
record MethodSelection(Method method, MethodShape shape, Type[] parameterTypes, Type returnType) {

    /**
     * Ties of {@link MethodPriority} are broken by shape (in the order of {@link MethodShape}), then by signature,
     * so the choice never depends on the order {@link Class#getMethods()} happens to return.
     */
    private static final Comparator<MethodSelection> ORDER = Comparator
            .<MethodSelection, Method>comparing(MethodSelection::method, MethodPriority.INSTANCE)
            .thenComparingInt(candidate -> candidate.shape() == null ? Integer.MAX_VALUE : candidate.shape().ordinal())
            .thenComparing(candidate -> candidate.method().toString());

    /**
     * Chooses the overload.
     *
     * @param resolver the resolver of the handler class
     * @param methodName the method named by the handler string
     * @return the chosen overload
     * @throws HandlerLoadException when no public method of that name has a supported shape
     */
    static MethodSelection choose(TypeResolver resolver, String methodName) {
        Class<?> type = resolver.root();
        List<MethodSelection> candidates = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (method.getName().equals(methodName)) {
                // The generic signature, not the erased one, so a method declared in Base<T> by a handler
                // extending Base<Order> reads Orders.
                Method declaration = declarationOf(method);
                Type[] parameters = declaration.getGenericParameterTypes();
                for (int i = 0; i < parameters.length; i++) {
                    parameters[i] = resolver.resolve(parameters[i]);
                }
                candidates.add(new MethodSelection(method, MethodShape.of(parameters), parameters,
                        resolver.resolve(declaration.getGenericReturnType())));
            }
        }
        if (candidates.isEmpty()) {
            throw new HandlerLoadException(NoSuchMethodException.class.getName(),
                    "No public method named '" + methodName + "' found on class " + type.getName(), null);
        }
        candidates.sort(ORDER);
        for (MethodSelection candidate : candidates) {
            if (candidate.shape() != null) {
                return candidate;
            }
        }
        StringJoiner rejected = new StringJoiner("; ");
        for (MethodSelection candidate : candidates) {
            rejected.add(signature(candidate));
        }
        throw new HandlerLoadException(NoSuchMethodException.class.getName(), "No public method named '" + methodName
                + "' with appropriate method signature found on class " + type.getName() + " (found: " + rejected
                + "; a handler method takes (InputStream, OutputStream, Context), (InputStream, OutputStream),"
                + " (OutputStream, Context), (InputStream, Context), (InputStream), (OutputStream), (Context),"
                + " (T, Context), (T) or ())", null);
    }

    /**
     * The method whose generic signature types a candidate. Usually the candidate itself; but when a public class
     * inherits public methods from a package-private superclass, the compiler gives it public "visibility
     * bridges" with the same erased signature and no generic signature at all, and {@code getMethods()} lists
     * those. Their types are taken from the superclass method they publish, so {@code handle(T)} of a
     * package-private {@code Base<T>} still reads events as the subclass's {@code T}. Bridges for erasure or
     * covariant returns have a different erased signature from what they call and keep their own types; the
     * overload order still ranks every bridge last, as the managed runtime does.
     *
     * @param method a public method of the handler class
     * @return the declaration to read generic types from
     */
    static Method declarationOf(Method method) {
        if (!method.isBridge()) {
            return method;
        }
        for (Class<?> c = method.getDeclaringClass().getSuperclass(); c != null; c = c.getSuperclass()) {
            try {
                Method published = c.getDeclaredMethod(method.getName(), method.getParameterTypes());
                if (!published.isBridge() && published.getReturnType() == method.getReturnType()) {
                    return published;
                }
            } catch (NoSuchMethodException e) {
                // not declared at this level; keep looking up
            }
        }
        return method;
    }

    private static String signature(MethodSelection candidate) {
        StringJoiner parameters = new StringJoiner(", ", candidate.method().getName() + "(", ")");
        for (Type parameter : candidate.parameterTypes()) {
            parameters.add(parameter.getTypeName());
        }
        return parameters.toString();
    }
}
