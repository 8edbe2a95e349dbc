package dev.runway.ric;

import dev.runway.ric.internal.classpath.FunctionResources;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The function's providers of a service, as {@link ServiceLoader} finds them through the function's class loader:
 * how the runtime and its hooks find what the function plugs in ({@code CustomPojoSerializer}, SnapStart hooks,
 * internal extensions).
 *
 * <p>Unlike a bare {@code ServiceLoader}, it first asks whether the function's code has the service file at all,
 * the way that does not open the runtime's own jars: a {@code ServiceLoader} over the function's loader searches
 * every jar of its parent too, and with an AOT cache those jars are otherwise never opened, so each scan for a
 * service the function does not provide costs milliseconds of the cold start.
 */
public final class FunctionServices {

    private FunctionServices() {}

    /**
     * @param service the service type
     * @param functionLoader the function's class loader
     * @param <S> the service type
     * @return the providers, instantiated, in {@code ServiceLoader}'s order; empty when the function has none
     * @throws ServiceConfigurationError when a provider is named but cannot be loaded or instantiated
     */
    public static <S> List<S> load(Class<S> service, ClassLoader functionLoader) {
        if (!FunctionResources.has(functionLoader, "META-INF/services/" + service.getName())) {
            return List.of();
        }
        List<S> providers = new ArrayList<>(1);
        for (S provider : ServiceLoader.load(service, functionLoader)) {
            providers.add(provider);
        }
        return providers;
    }
}
