package dev.runway.ric.internal.json;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;

/**
 * A {@link PojoCodec} that hands everything to the function's {@link CustomPojoSerializer}: the serializer owns
 * the format, so an empty payload and a {@code null} result reach it as they are.
 *
 * @param serializer the function's serializer; it must be thread-safe under multi-concurrency, as the
 *     managed runtime also assumes
 * @param type the handler's declared type, generics included
 */
record CustomSerializerCodec(CustomPojoSerializer serializer, Type type) implements PojoCodec {

    @Override
    public Object read(byte[] json) {
        try {
            return serializer.fromJson(new ByteArrayInputStream(json), type);
        } catch (RuntimeException e) {
            throw new EventDeserializationException(e);
        }
    }

    @Override
    public void write(Object value, OutputStream out) {
        try {
            serializer.toJson(value, out, type);
        } catch (RuntimeException e) {
            throw new ResponseSerializationException(e);
        }
    }
}
