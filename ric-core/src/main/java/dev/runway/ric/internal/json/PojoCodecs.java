package dev.runway.ric.internal.json;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Builds the {@link PojoCodec} of a handler's input or output type, choosing the serializer the way the
 * managed Java runtime does:
 *
 * <ol>
 *   <li>the function's own {@link CustomPojoSerializer}, if it ships exactly one (it overrides everything);
 *   <li>for the {@code aws-lambda-java-events} types, Jackson adapted to the JSON shapes of those events
 *       ({@link EventMapper});
 *   <li>for everything else, Jackson with the managed runtime's lenient settings ({@link LenientMapper}),
 *       honouring the function's Jackson annotations and Java records; for an invocation from an Android client
 *       (client context {@code env.platform}), Gson's shape instead ({@link GsonStyleMapper}).
 * </ol>
 *
 * <p>Called during init, once per handler type; the codecs it returns are thread-safe. Nothing is built
 * before the first call, and the event machinery only when an event type is asked for.
 */
public final class PojoCodecs {

    private PojoCodecs() {}

    /**
     * Returns the codec for {@code type}.
     *
     * @param type the handler's input or output type, with its generic arguments
     * @param functionLoader the function's class loader, where a custom serializer is looked for
     * @return the codec
     * @throws TooManyCustomSerializersException when the function ships several custom serializers
     */
    public static PojoCodec forType(Type type, ClassLoader functionLoader) {
        return codec(type, functionLoader, true, true);
    }

    /**
     * As {@link #forType}, for a handler's input type: only reading is prepared during init, writing (which
     * an input never needs) on first use. Saves building serializers nobody calls, 5 to 10 ms of init.
     *
     * @param type the handler's input type, with its generic arguments
     * @param functionLoader the function's class loader, where a custom serializer is looked for
     * @return the codec
     * @throws TooManyCustomSerializersException when the function ships several custom serializers
     */
    public static PojoCodec forInput(Type type, ClassLoader functionLoader) {
        return codec(type, functionLoader, true, false);
    }

    /**
     * As {@link #forType}, for a handler's output type: only writing is prepared during init.
     *
     * @param type the handler's output type, with its generic arguments
     * @param functionLoader the function's class loader, where a custom serializer is looked for
     * @return the codec
     * @throws TooManyCustomSerializersException when the function ships several custom serializers
     */
    public static PojoCodec forOutput(Type type, ClassLoader functionLoader) {
        return codec(type, functionLoader, false, true);
    }

    private static PojoCodec codec(Type type, ClassLoader functionLoader, boolean read, boolean write) {
        Optional<CustomPojoSerializer> custom = CustomSerializers.find(functionLoader);
        if (custom.isPresent()) {
            return new CustomSerializerCodec(custom.get(), type);
        }
        if (EventTypes.involves(type)) {
            return JacksonCodec.of(EventMapper.shared(), type, read, write);
        }
        return JacksonCodec.of(LenientMapper.shared(), type, read, write, true);
    }
}
