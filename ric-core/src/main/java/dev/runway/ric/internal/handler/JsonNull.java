package dev.runway.ric.internal.handler;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;

/**
 * The response of a handler that has nothing to say: a {@code void} or {@code Void} method, or a stream-shaped
 * method without an {@code OutputStream} parameter. The managed runtime answers JSON {@code null} for these, and
 * callers parse the response as JSON, so an empty body would break them.
 */
final class JsonNull {

    private static final byte[] BYTES = {'n', 'u', 'l', 'l'};

    private JsonNull() {}

    /**
     * Writes {@code null}.
     *
     * @param out the response
     * @throws IOException when {@code out} fails
     */
    static void writeTo(OutputStream out) throws IOException {
        out.write(BYTES);
    }

    /**
     * @param type a resolved return or output type
     * @return whether values of that type are always {@code null}: {@code void} and {@code Void}
     */
    static boolean isVoid(Type type) {
        return type == void.class || type == Void.class;
    }
}
