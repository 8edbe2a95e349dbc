package dev.runway.ric.internal.handler;

import dev.runway.ric.internal.json.PojoCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Array;

/**
 * Reads the event of a method with a primitive parameter, such as {@code handle(int)}: where the codec has no
 * value (JSON {@code null}), the parameter gets its type's default instead of
 * failing with a {@code NullPointerException} inside the runtime while unboxing. Only such methods pay for this
 * wrapper.
 *
 * @param codec the codec of the primitive type
 * @param defaultValue the boxed default of the primitive type
 */
record PrimitiveEventCodec(PojoCodec codec, Object defaultValue) implements PojoCodec {

    /**
     * @param codec the codec of {@code primitive}
     * @param primitive a primitive type other than {@code void}
     * @return the codec, defaulting
     */
    static PojoCodec of(PojoCodec codec, Class<?> primitive) {
        return new PrimitiveEventCodec(codec, Array.get(Array.newInstance(primitive, 1), 0));
    }

    @Override
    public Object read(byte[] json) {
        Object value = codec.read(json);
        return value == null ? defaultValue : value;
    }

    @Override
    public void write(Object value, OutputStream out) throws IOException {
        codec.write(value, out);
    }
}
