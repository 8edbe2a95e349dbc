package dev.runway.ric.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Joda {@code org.joda.time.DateTime}, which the events use for SNS {@code Timestamp}, EventBridge
 * {@code time}, S3 {@code eventTime} and a few more: read with {@code DateTime.parse(text)} and written with
 * {@code ISODateTimeFormat.dateTime()} ({@code 2024-05-01T12:00:00.000Z}), as the managed runtime does.
 *
 * <p>Joda comes with the events jar, from the function's class loader; the runtime does not ship it. So the
 * class is recognised by name and its methods are called reflectively, on the {@code DateTime} class Jackson
 * hands over, which is the function's.
 */
final class JodaDateTimes {

    static final String DATE_TIME = "org.joda.time.DateTime";

    private JodaDateTimes() {}

    private static boolean isDateTime(JavaType type) {
        return type.getRawClass().getName().equals(DATE_TIME);
    }

    /** Registers the (de)serializer for whichever {@code DateTime} class a type refers to. */
    static final class Module extends com.fasterxml.jackson.databind.Module {

        @Override
        public String getModuleName() {
            return "runway-joda-datetime";
        }

        @Override
        public Version version() {
            return Version.unknownVersion();
        }

        @Override
        public void setupModule(SetupContext context) {
            context.addSerializers(new Serializers.Base() {
                @Override
                public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type,
                        BeanDescription bean) {
                    return isDateTime(type) ? new Serializer(type.getRawClass()) : null;
                }
            });
            context.addDeserializers(new Deserializers.Base() {
                @Override
                public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                        BeanDescription bean) {
                    return isDateTime(type) ? new Deserializer(type.getRawClass()) : null;
                }
            });
        }
    }

    /** {@code ISODateTimeFormat.dateTime().print(value)}. */
    static final class Serializer extends StdScalarSerializer<Object> {
        private static final long serialVersionUID = 1L;

        private final transient Class<?> dateTimeClass;
        private transient volatile Printer printer;

        Serializer(Class<?> dateTimeClass) {
            super(Object.class);
            this.dateTimeClass = dateTimeClass;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            Printer p = printer;
            if (p == null) {
                printer = p = Printer.of(dateTimeClass, provider);
            }
            gen.writeString(p.print(value, provider));
        }
    }

    /** The ISO formatter of the function's Joda and its {@code print(ReadableInstant)}. */
    private record Printer(Object formatter, Method print) {

        static Printer of(Class<?> dateTimeClass, SerializerProvider provider) throws IOException {
            try {
                ClassLoader joda = dateTimeClass.getClassLoader();
                Class<?> iso = Class.forName("org.joda.time.format.ISODateTimeFormat", true, joda);
                Object formatter = iso.getMethod("dateTime").invoke(null);
                Class<?> instant = Class.forName("org.joda.time.ReadableInstant", false, joda);
                return new Printer(formatter, formatter.getClass().getMethod("print", instant));
            } catch (ReflectiveOperationException e) {
                throw JsonMappingException.from(provider, "Cannot find Joda-Time's ISO formatter", e);
            }
        }

        String print(Object value, SerializerProvider provider) throws IOException {
            try {
                return (String) print.invoke(formatter, value);
            } catch (InvocationTargetException e) {
                throw JsonMappingException.from(provider, "Cannot format " + value, e.getCause());
            } catch (IllegalAccessException e) {
                throw JsonMappingException.from(provider, "Cannot format " + value, e);
            }
        }
    }

    /** {@code DateTime.parse(text)}. */
    static final class Deserializer extends StdScalarDeserializer<Object> {
        private static final long serialVersionUID = 1L;

        private final transient Class<?> dateTimeClass;
        private transient volatile Method parse;

        Deserializer(Class<?> dateTimeClass) {
            super(dateTimeClass);
            this.dateTimeClass = dateTimeClass;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            // Any scalar's text, as the managed runtime: a number is parsed as an ISO year.
            String text = p.getValueAsString();
            if (text == null) {
                return ctxt.handleUnexpectedToken(dateTimeClass, p);
            }
            try {
                Method m = parse;
                if (m == null) {
                    parse = m = dateTimeClass.getMethod("parse", String.class);
                }
                return m.invoke(null, text);
            } catch (InvocationTargetException e) {
                return ctxt.handleWeirdStringValue(dateTimeClass, text, "%s", e.getCause().getMessage());
            } catch (ReflectiveOperationException e) {
                throw ctxt.instantiationException(dateTimeClass, e);
            }
        }
    }
}
