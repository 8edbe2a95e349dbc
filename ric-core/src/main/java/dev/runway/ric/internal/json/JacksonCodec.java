package dev.runway.ric.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;

/**
 * A {@link PojoCodec} over a reader and a writer made once, during init, for one handler type. Both are
 * immutable, so one codec serves every loop.
 *
 * @param reader reads the handler's input type
 * @param writer writes the handler's output type (statically typed, as the managed runtime does: a subclass
 *     returned for a declared superclass is written with the superclass's properties)
 */
record JacksonCodec(ObjectReader reader, ObjectWriter writer) implements PojoCodec {

    /** The codec of {@code type} in {@code mapper}. */
    static JacksonCodec of(ObjectMapper mapper, Type type) {
        JavaType javaType = mapper.getTypeFactory().constructType(type);
        return new JacksonCodec(mapper.readerFor(javaType), mapper.writerFor(javaType));
    }

    @Override
    public Object read(byte[] json) {
        if (isBlank(json)) {
            return null; // an invocation without a payload; Jackson would call it "no content"
        }
        try {
            return reader.readValue(json);
        } catch (IOException | RuntimeException e) {
            // RuntimeException: a constructor or setter of the function's class failed while being fed the event.
            throw new EventDeserializationException(e);
        }
    }

    @Override
    public void write(Object value, OutputStream out) throws IOException {
        try {
            writer.writeValue(out, value);
        } catch (JsonProcessingException | RuntimeException e) {
            // Anything else is the stream failing, which is not the value's fault.
            throw new ResponseSerializationException(e);
        }
    }

    private static boolean isBlank(byte[] json) {
        for (byte b : json) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
