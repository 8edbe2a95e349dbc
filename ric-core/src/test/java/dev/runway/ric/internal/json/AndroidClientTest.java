package dev.runway.ric.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.GsonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A client context whose {@code env.platform} is Android gets Gson's JSON shape, as on the managed runtime: compared
 * with the official serialization library's own {@code GsonFactory}, which its RIC uses for such clients.
 */
class AndroidClientTest {

    /** Fields without getters, a getter without a field, a transient, a null, HTML characters, NaN. */
    @SuppressWarnings("unused")
    public static final class Device {
        private String id = "a<b>&'c'";
        private int battery = 87;
        private double ratio = Double.NaN;
        private String missing;
        private transient String session = "not written";
        private List<String> tags = List.of("x", "y");
        private Inner inner = new Inner();

        public String getComputed() {
            return "only a getter";
        }

        String id() {
            return id;
        }

        int battery() {
            return battery;
        }
    }

    /** A nested object with a private field and no accessor. */
    @SuppressWarnings("unused")
    public static final class Inner {
        private long serial = 42L;
    }

    @Test
    void android_clients_get_fields_as_gson_writes_them() throws IOException {
        JacksonCodec codec = (JacksonCodec) PojoCodecs.forType(Device.class, getClass().getClassLoader());

        String android = write(codec.forClient(context("Android")), new Device());
        assertThat(android).isEqualTo(gson(Device.class, new Device()))
                .isEqualTo("{\"id\":\"a<b>&'c'\",\"battery\":87,\"ratio\":NaN,\"tags\":[\"x\",\"y\"],"
                        + "\"inner\":{\"serial\":42}}");
        // The platform's case does not matter, as on the managed runtime.
        assertThat(write(codec.forClient(context("android")), new Device())).isEqualTo(android);
    }

    @Test
    void android_clients_events_are_read_into_fields() {
        JacksonCodec codec = (JacksonCodec) PojoCodecs.forType(Device.class, getClass().getClassLoader());
        byte[] event = "{\"id\":\"phone\",\"battery\":12,\"unknown\":true}".getBytes(StandardCharsets.UTF_8);

        Device device = (Device) codec.forClient(context("Android")).read(event);
        Device official = (Device) GsonFactory.getInstance().getSerializer(Device.class)
                .fromJson(new ByteArrayInputStream(event));
        assertThat(device.id()).isEqualTo(official.id()).isEqualTo("phone");
        assertThat(device.battery()).isEqualTo(official.battery()).isEqualTo(12);
    }

    @Test
    void other_clients_and_events_keep_their_usual_shape() throws IOException {
        JacksonCodec codec = (JacksonCodec) PojoCodecs.forType(Device.class, getClass().getClassLoader());
        assertThat(codec.forClient(context("iPhoneOS"))).isSameAs(codec);
        assertThat(codec.forClient(context(null))).isSameAs(codec);
        assertThat(codec.forClient(null)).isSameAs(codec);
        assertThat(write(codec, new Device())).isEqualTo("{\"computed\":\"only a getter\"}");
        // Event types keep the event serializers, whoever the client is.
        PojoCodec events = PojoCodecs.forType(SQSEvent.class, getClass().getClassLoader());
        assertThat(events.forClient(context("Android"))).isSameAs(events);
    }

    private static String write(PojoCodec codec, Object value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        codec.write(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String gson(Class<?> type, Object value) {
        @SuppressWarnings("unchecked")
        PojoSerializer<Object> serializer = (PojoSerializer<Object>) GsonFactory.getInstance().getSerializer(type);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A context whose client context has {@code env.platform} = {@code platform} (none when null). */
    private static Context context(String platform) {
        ClientContext client = (ClientContext) Proxy.newProxyInstance(AndroidClientTest.class.getClassLoader(),
                new Class<?>[] {ClientContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getEnvironment" -> platform == null ? Map.of() : Map.of("platform", platform);
                    case "getCustom" -> Map.of();
                    default -> null;
                });
        return (Context) Proxy.newProxyInstance(AndroidClientTest.class.getClassLoader(),
                new Class<?>[] {Context.class}, (proxy, method, args) ->
                        method.getName().equals("getClientContext") ? client : null);
    }
}
