package dev.runway.bootstrap.extensions;

import dev.runway.extensions.EventType;
import dev.runway.extensions.Extension;
import dev.runway.extensions.ExtensionsApiException;
import dev.runway.extensions.InternalExtension;
import dev.runway.extensions.RegisteredExtension;
import dev.runway.ric.FunctionServices;
import dev.runway.ric.InvocationListener;
import dev.runway.ric.RuntimeHooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;

/**
 * The bootstrap's hooks into the runtime's init: registers the internal extensions found on the function's class
 * path (INVOKE only) and, when there is none, one registration with no events so that the platform sends SIGTERM
 * rather than SIGKILL at shutdown; installs the shutdown hook that runs the shutdown callbacks.
 *
 * <p>Registration happens on the init thread, before the handler loads, so it is always before the runtime's
 * first {@code /next}, when the platform closes registration.
 */
public final class ExtensionsHooks implements RuntimeHooks {

    /** The name of the registration that buys the runtime a SIGTERM. */
    public static final String SHUTDOWN_EXTENSION_NAME = "runway-shutdown";

    private final Map<String, String> environment;

    /**
     * @param environment the process environment
     */
    public ExtensionsHooks(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public InvocationListener beforeInit(ClassLoader functionClassLoader) {
        String api = environment.get("AWS_LAMBDA_RUNTIME_API");
        List<InternalExtension> found = load(functionClassLoader);
        // Under Lambda Managed Instances internal extensions may register no event at all.
        boolean managedInstances = "lambda-managed-instances".equals(environment.get("AWS_LAMBDA_INITIALIZATION_TYPE"));
        List<InternalExtension> running = new ArrayList<>();
        for (InternalExtension extension : found) {
            if (HostedExtension.start(extension, api, managedInstances, functionClassLoader)) {
                running.add(extension);
            }
        }
        boolean graceful = !"false".equalsIgnoreCase(environment.getOrDefault("RUNWAY_GRACEFUL_SHUTDOWN", "true"));
        if (graceful) {
            if (running.isEmpty()) {
                registerForSigterm(api);
            }
            ShutdownBudget.install(ShutdownBudget.budgetMs(environment, !running.isEmpty()));
        }
        return running.isEmpty() ? null : new InvocationDispatcher(running);
    }

    private static List<InternalExtension> load(ClassLoader loader) {
        try {
            return FunctionServices.load(InternalExtension.class, loader);
        } catch (ServiceConfigurationError e) {
            System.err.println("[runway] An internal extension cannot be loaded: " + e.getMessage());
            return List.of();
        }
    }

    /**
     * Registers with no events and parks one {@code /event/next} on a daemon thread, as the platform waits for every
     * registered extension's first {@code next} before it ends the init. With no events the {@code next} never
     * returns; the registration's only effect is the SIGTERM.
     */
    private static void registerForSigterm(String api) {
        RegisteredExtension registered;
        try {
            registered = Extension.builder().name(SHUTDOWN_EXTENSION_NAME).internal().events(new EventType[0])
                    .runtimeApi(api).build().register();
        } catch (ExtensionsApiException e) {
            // 404: a platform without the Extensions API (a bare test double); nothing to say.
            if (e.status() != 404) {
                System.err.println("[runway] Graceful shutdown is off, the registration failed: " + e.getMessage());
            }
            return;
        }
        Thread thread = new Thread(registered::run, "runway-shutdown-extension");
        thread.setDaemon(true);
        thread.start();
    }
}
