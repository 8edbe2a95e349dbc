package dev.runway.ric.internal.json;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import dev.runway.ric.FunctionServices;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the function's {@link CustomPojoSerializer}, the SPI with which a function replaces the runtime's JSON
 * handling for its POJO handlers (events included).
 *
 * <p>The lookup scans every jar of the function for the service file (about 10 ms on a cold JVM, which the
 * managed runtime pays too), so it is made once per class loader and the input and output codecs share the
 * same provider instance. A process has one function loader, so the cache is never trimmed. The scan runs only
 * when the function's code has the service file ({@link FunctionServices}).
 */
final class CustomSerializers {

    private static final Map<ClassLoader, Optional<CustomPojoSerializer>> FOUND = new HashMap<>();

    private CustomSerializers() {}

    /**
     * @param functionLoader the function's class loader
     * @return the single provider, or empty when the function has none
     * @throws TooManyCustomSerializersException when there are several
     */
    static Optional<CustomPojoSerializer> find(ClassLoader functionLoader) {
        synchronized (FOUND) {
            Optional<CustomPojoSerializer> found = FOUND.get(functionLoader);
            if (found == null) {
                found = load(functionLoader);
                FOUND.put(functionLoader, found);
            }
            return found;
        }
    }

    private static Optional<CustomPojoSerializer> load(ClassLoader functionLoader) {
        List<CustomPojoSerializer> providers = FunctionServices.load(CustomPojoSerializer.class, functionLoader);
        if (providers.size() > 1) {
            List<String> names = new ArrayList<>();
            for (CustomPojoSerializer provider : providers) {
                names.add(provider.getClass().getName());
            }
            throw new TooManyCustomSerializersException(names);
        }
        return providers.isEmpty() ? Optional.empty() : Optional.of(providers.get(0));
    }
}
