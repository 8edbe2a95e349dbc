package dev.runway.ric.internal.json;

import static dev.runway.ric.internal.json.Json.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code CustomPojoSerializer} SPI: a function ships a provider in {@code META-INF/services}, found through
 * its class loader. Each test builds its own "function" loader over a temporary directory.
 */
class CustomSerializerTest {

    @TempDir
    Path functionRoot;

    /** Echoes the payload and the type it was asked for; writes what it was given and the type. */
    public static final class EchoSerializer implements CustomPojoSerializer {
        @Override
        public <T> T fromJson(InputStream input, Type type) {
            try {
                @SuppressWarnings("unchecked")
                T value = (T) List.of(new String(input.readAllBytes(), StandardCharsets.UTF_8), type);
                return value;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public <T> T fromJson(String input, Type type) {
            return fromJson(new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), type);
        }

        @Override
        public <T> void toJson(T value, OutputStream output, Type type) {
            try {
                output.write(("echo " + value + " as " + type.getTypeName()).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Fails both ways. */
    public static final class FailingSerializer implements CustomPojoSerializer {
        @Override
        public <T> T fromJson(InputStream input, Type type) {
            throw new IllegalArgumentException("cannot read");
        }

        @Override
        public <T> T fromJson(String input, Type type) {
            throw new IllegalArgumentException("cannot read");
        }

        @Override
        public <T> void toJson(T value, OutputStream output, Type type) {
            throw new IllegalStateException("cannot write");
        }
    }

    @Test
    void aSingleProviderReadsAndWritesEverythingWithTheGenericType() throws IOException {
        ClassLoader function = functionWith(EchoSerializer.class);
        Type listOfOrders = new TypeReference<List<Pojos.Order>>() {}.getType();

        PojoCodec codec = PojoCodecs.forType(listOfOrders, function);

        assertThat(codec.read(bytes("[{\"id\": 1}]"))).isEqualTo(List.of("[{\"id\": 1}]", listOfOrders));
        assertThat(written(codec, Map.of("k", 1))).isEqualTo("echo {k=1} as " + listOfOrders.getTypeName());
    }

    @Test
    void itOverridesEventTypesToo() throws IOException {
        PojoCodec codec = PojoCodecs.forType(SQSEvent.class, functionWith(EchoSerializer.class));

        assertThat(codec.read(bytes("{\"Records\": []}"))).isEqualTo(List.of("{\"Records\": []}", SQSEvent.class));
    }

    @Test
    void itGetsEmptyPayloadsAndNullResultsAsTheyAre() throws IOException {
        PojoCodec codec = PojoCodecs.forType(String.class, functionWith(EchoSerializer.class));

        assertThat(codec.read(new byte[0])).isEqualTo(List.of("", String.class));
        assertThat(written(codec, null)).isEqualTo("echo null as java.lang.String");
    }

    @Test
    void inputAndOutputShareOneProviderInstance() throws IOException {
        ClassLoader function = functionWith(EchoSerializer.class);

        CustomSerializerCodec in = (CustomSerializerCodec) PojoCodecs.forType(String.class, function);
        CustomSerializerCodec out = (CustomSerializerCodec) PojoCodecs.forType(Integer.class, function);

        assertThat(in.serializer()).isSameAs(out.serializer());
    }

    @Test
    void itsFailuresBecomeTheRuntimesTypedErrors() throws IOException {
        PojoCodec codec = PojoCodecs.forType(String.class, functionWith(FailingSerializer.class));

        assertThatThrownBy(() -> codec.read(bytes("{}")))
                .isInstanceOf(EventDeserializationException.class)
                .cause().hasMessage("cannot read");
        assertThatThrownBy(() -> codec.write("x", new ByteArrayOutputStream()))
                .isInstanceOf(ResponseSerializationException.class)
                .cause().hasMessage("cannot write");
    }

    @Test
    void twoProvidersAreAnInitError() throws IOException {
        ClassLoader function = functionWith(EchoSerializer.class, FailingSerializer.class);

        assertThatThrownBy(() -> PojoCodecs.forType(String.class, function))
                .isInstanceOf(TooManyCustomSerializersException.class)
                .hasMessageContaining("found 2")
                .hasMessageContaining(EchoSerializer.class.getName())
                .hasMessageContaining(FailingSerializer.class.getName());
    }

    @Test
    void withoutAProviderJacksonIsUsed() throws IOException {
        PojoCodec codec = PojoCodecs.forType(Pojos.Customer.class, functionWith());

        assertThat(codec).isInstanceOf(JacksonCodec.class);
    }

    /** A class loader like the function's: the test classes as parent, plus a service file in the task root. */
    private ClassLoader functionWith(Class<?>... providers) throws IOException {
        Path services = Files.createDirectories(functionRoot.resolve("META-INF/services"));
        StringBuilder file = new StringBuilder("# providers\n");
        for (Class<?> provider : providers) {
            file.append(provider.getName()).append('\n');
        }
        Files.writeString(services.resolve(CustomPojoSerializer.class.getName()), file);
        return new URLClassLoader(new URL[] {functionRoot.toUri().toURL()}, getClass().getClassLoader());
    }

    private static String written(PojoCodec codec, Object value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.write(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
