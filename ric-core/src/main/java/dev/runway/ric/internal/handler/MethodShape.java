package dev.runway.ric.internal.handler;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;

/**
 * The ten parameter lists a handler method may have, in the managed runtime's order. {@code T} is any type
 * other than {@code InputStream}, {@code OutputStream} and {@code Context}: the event, read as JSON.
 *
 * <p>Parameter types are compared for equality, as the managed runtime does: a {@code ByteArrayInputStream}
 * parameter is a {@code T}, not a stream. The return type may be anything; stream shapes ignore it.
 *
 * <p>Each shape also says which of the four canonical invoker slots its parameters take (see
 * {@link MethodInvokers}): 0 the receiver, 1 the event (a stream or a decoded value), 2 the response stream,
 * 3 the context.
 */
enum MethodShape {

    /** {@code (InputStream, OutputStream, Context)}. */
    STREAM_IN_OUT_CONTEXT(true, 1, 2, 3),
    /** {@code (InputStream, OutputStream)}. */
    STREAM_IN_OUT(true, 1, 2),
    /** {@code (OutputStream, Context)}. */
    STREAM_OUT_CONTEXT(true, 2, 3),
    /** {@code (InputStream, Context)}. */
    STREAM_IN_CONTEXT(true, 1, 3),
    /** {@code (InputStream)}. */
    STREAM_IN(true, 1),
    /** {@code (OutputStream)}. */
    STREAM_OUT(true, 2),
    /** {@code (Context)}: the event is ignored, the result is written as JSON. */
    CONTEXT(false, 3),
    /** {@code (T, Context)}. */
    EVENT_CONTEXT(false, 1, 3),
    /** {@code (T)}. */
    EVENT(false, 1),
    /** {@code ()}: the event is ignored, the result is written as JSON. */
    NONE(false);

    /** The slot of the event: an {@code InputStream} for stream shapes, the decoded value otherwise. */
    static final int EVENT_SLOT = 1;
    /** The slot of the response stream. */
    static final int OUTPUT_SLOT = 2;

    private final boolean stream;
    private final int[] slots;

    MethodShape(boolean stream, int... slots) {
        this.stream = stream;
        this.slots = slots;
    }

    /**
     * Finds the shape of a parameter list.
     *
     * @param parameters the method's parameter types, resolved against the handler class
     * @return the shape, or {@code null} when the list is none of the ten
     */
    static MethodShape of(Type[] parameters) {
        return switch (parameters.length) {
            case 0 -> NONE;
            case 1 -> ofOne(parameters[0]);
            case 2 -> ofTwo(parameters[0], parameters[1]);
            case 3 -> is(parameters[0], InputStream.class) && is(parameters[1], OutputStream.class)
                    && is(parameters[2], Context.class) ? STREAM_IN_OUT_CONTEXT : null;
            default -> null;
        };
    }

    private static MethodShape ofOne(Type parameter) {
        if (is(parameter, InputStream.class)) {
            return STREAM_IN;
        }
        if (is(parameter, OutputStream.class)) {
            return STREAM_OUT;
        }
        return is(parameter, Context.class) ? CONTEXT : EVENT;
    }

    private static MethodShape ofTwo(Type first, Type second) {
        if (is(first, InputStream.class)) {
            if (is(second, OutputStream.class)) {
                return STREAM_IN_OUT;
            }
            return is(second, Context.class) ? STREAM_IN_CONTEXT : null;
        }
        if (is(first, OutputStream.class)) {
            return is(second, Context.class) ? STREAM_OUT_CONTEXT : null;
        }
        if (is(first, Context.class)) {
            return null; // (Context, X) is not a shape, whatever X is
        }
        return is(second, Context.class) ? EVENT_CONTEXT : null;
    }

    private static boolean is(Type type, Class<?> expected) {
        return type == expected;
    }

    /** @return whether the method reads and writes raw bytes: its return value is ignored */
    boolean isStream() {
        return stream;
    }

    /** @return whether the method receives the event (as an {@code InputStream} or decoded) */
    boolean takesEvent() {
        return takes(EVENT_SLOT);
    }

    /** @return whether the method writes its response to an {@code OutputStream} itself */
    boolean takesOutput() {
        return takes(OUTPUT_SLOT);
    }

    /** @return the canonical slot of each parameter, in parameter order */
    int[] slots() {
        return slots.clone();
    }

    private boolean takes(int slot) {
        for (int s : slots) {
            if (s == slot) {
                return true;
            }
        }
        return false;
    }
}
