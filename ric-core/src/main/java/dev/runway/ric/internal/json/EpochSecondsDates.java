package dev.runway.ric.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.util.Date;

/**
 * {@code java.util.Date} as epoch seconds with a fraction, the way Kinesis and DynamoDB Streams send
 * timestamps ({@code 1428537600.123}) and the way the managed runtime writes them back. Used by the event
 * mapper only: elsewhere a {@code Date} is Jackson's epoch milliseconds.
 */
final class EpochSecondsDates {

    private EpochSecondsDates() {}

    /** Writes {@code getTime() / 1000.0}: a double, so 1428537600000 ms is written {@code 1.4285376E9}. */
    static final class Serializer extends StdScalarSerializer<Date> {
        private static final long serialVersionUID = 1L;

        Serializer() {
            super(Date.class);
        }

        @Override
        public void serialize(Date value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(value.getTime() / 1000.0);
        }
    }

    /** Reads seconds (a number, or a string holding one) and truncates to the millisecond. */
    static final class Deserializer extends StdScalarDeserializer<Date> {
        private static final long serialVersionUID = 1L;

        Deserializer() {
            super(Date.class);
        }

        @Override
        public Date deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return new Date((long) (p.getValueAsDouble() * 1000));
        }
    }
}
