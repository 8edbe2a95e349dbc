package dev.runway.ric.internal.json;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.WeakHashMap;

/**
 * Finds the function's {@link CustomPojoSerializer}, the SPI with which a function replaces the runtime's JSON
 * handling for its POJO handlers (events included).
 *
 * <p>The lookup scans every jar of the function for the service file, so it is made once per class loader and
 * the input and output codecs share the same provider instance.
 */
final class CustomSerializers {

    private static final Map<ClassLoader, Optional<CustomPojoSerializer>> FOUND = new WeakHashMap<>();

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
        List<CustomPojoSerializer> providers = new ArrayList<>(1);
        ServiceLoader.load(CustomPojoSerializer.class, functionLoader).forEach(providers::add);
        if (providers.size() > 1) {
            List<String> names = new ArrayList<>();
            providers.forEach(p -> names.add(p.getClass().getName()));
            throw new TooManyCustomSerializersException(names);
        }
        return providers.isEmpty() ? Optional.empty() : Optional.of(providers.get(0));
    }
}
