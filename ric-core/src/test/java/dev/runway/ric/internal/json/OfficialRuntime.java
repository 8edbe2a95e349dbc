package dev.runway.ric.internal.json;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;

/**
 * The managed Java runtime's serialization ({@code aws-lambda-java-serialization} 1.2.0, the version its RIC
 * pins), chosen the way its {@code EventHandlerLoader} chooses: the event serializers for the 24 supported
 * event classes, the shared Jackson factory for everything else. A test oracle only.
 *
 * <p>Beware: for supported events without a mix-in (API Gateway v1, Cognito sync...), the official
 * {@code serializerFor} registers its epoch-seconds {@code Date} module on the <em>shared</em> mapper, so
 * POJO differential tests must not depend on how a {@code Date} is written.
 */
final class OfficialRuntime {

    private static final ClassLoader LOADER = OfficialRuntime.class.getClassLoader();

    private OfficialRuntime() {}

    @SuppressWarnings("unchecked")
    static PojoSerializer<Object> serializerFor(Type type) {
        if (type instanceof Class<?> c && LambdaEventSerializers.isLambdaSupportedEvent(c.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(c, LOADER);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    static Object read(Type type, byte[] json) {
        return serializerFor(type).fromJson(new ByteArrayInputStream(json));
    }

    static byte[] write(Type type, Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializerFor(type).toJson(value, out);
        return out.toByteArray();
    }
}
