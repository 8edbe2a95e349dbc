package dev.runway.ric.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;

/** Builds the {@link PojoCodec} of a handler's input or output type. */
public final class PojoCodecs {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PojoCodecs() {}

    /**
     * Returns the codec for {@code type}.
     *
     * @param type the handler's input or output type
     * @param functionLoader the function's class loader
     * @return the codec
     */
    public static PojoCodec forType(Type type, ClassLoader functionLoader) {
        JavaType javaType = MAPPER.getTypeFactory().constructType(type);
        return new JacksonCodec(MAPPER.readerFor(javaType), MAPPER.writerFor(javaType));
    }

    private record JacksonCodec(ObjectReader reader, ObjectWriter writer) implements PojoCodec {

        @Override
        public Object read(byte[] json) {
            if (json.length == 0) {
                return null;
            }
            try {
                return reader.readValue(json);
            } catch (IOException e) {
                throw new EventDeserializationException(e);
            }
        }

        @Override
        public void write(Object value, OutputStream out) throws IOException {
            try {
                writer.writeValue(out, value);
            } catch (JsonProcessingException e) {
                throw new ResponseSerializationException(e);
            }
        }
    }
}
