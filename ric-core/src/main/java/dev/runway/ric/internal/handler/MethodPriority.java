package dev.runway.ric.internal.handler;

import com.amazonaws.services.lambda.runtime.Context;
import java.lang.reflect.Method;
import java.util.Comparator;

/**
 * The order in which the overloads of a handler method are tried: the first that has one of the ten
 * {@link MethodShape shapes} is the handler. This is the managed runtime's order, kept exactly because changing
 * it would silently change which overload an existing function runs:
 *
 * <ol>
 *   <li><b>Non-bridge methods before bridge methods.</b> {@code class H implements RequestHandler<Order, String>}
 *       has {@code handleRequest(Order, Context)} and the compiler's bridge {@code handleRequest(Object, Context)};
 *       the real method must win so the event is read as an {@code Order}. This holds even when the bridge has
 *       more parameters than a non-bridge overload.
 *   <li><b>More parameters first, a trailing {@code Context} counting one extra.</b> The weight is the number of
 *       parameters, plus one when the last parameter's (erased) type is exactly {@code Context}. So
 *       {@code (InputStream, OutputStream, Context)} weighs 4; {@code (T, Context)}, {@code (InputStream, Context)}
 *       and {@code (OutputStream, Context)} weigh 3; {@code (InputStream, OutputStream)} and {@code (Context)}
 *       weigh 2; one-parameter shapes other than {@code (Context)} weigh 1; {@code ()} weighs 0. The bonus is
 *       what makes {@code (T, Context)} beat {@code (InputStream, OutputStream)}: its authors called it "a stupid
 *       thing to do" kept "for back compat", and so do we.
 * </ol>
 *
 * Overloads with equal weight were ordered by {@link Class#getMethods()} in the managed runtime, an order the JDK
 * leaves unspecified. {@link MethodSelection} breaks those ties deterministically instead (by shape, then by
 * signature), so a function runs the same overload on every JVM.
 */
final class MethodPriority implements Comparator<Method> {

    /** The comparator; it has no state. */
    static final MethodPriority INSTANCE = new MethodPriority();

    private MethodPriority() {}

    @Override
    public int compare(Method left, Method right) {
        if (left.isBridge() != right.isBridge()) {
            return left.isBridge() ? 1 : -1;
        }
        return Integer.compare(weight(right), weight(left));
    }

    /**
     * @param method an overload
     * @return its parameter count, plus one when its last parameter is a {@code Context}
     */
    static int weight(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        int weight = parameters.length;
        if (weight > 0 && parameters[weight - 1] == Context.class) {
            weight++;
        }
        return weight;
    }
}
