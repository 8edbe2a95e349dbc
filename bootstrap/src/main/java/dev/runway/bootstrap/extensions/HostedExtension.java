package dev.runway.bootstrap.extensions;

import dev.runway.extensions.Event;
import dev.runway.extensions.EventType;
import dev.runway.extensions.Extension;
import dev.runway.extensions.ExtensionError;
import dev.runway.extensions.InternalExtension;
import dev.runway.extensions.RegisteredExtension;

/** One internal extension in the runtime's JVM: its registration, init, and {@code /event/next} loop. */
final class HostedExtension {

    private HostedExtension() {}

    /**
     * Registers the extension, runs its init on this thread, then its event loop on a daemon thread (a daemon, so
     * that it never keeps a finished runtime alive).
     *
     * @return whether it runs; a refused registration or a failed init is reported and leaves it out
     */
    static boolean start(InternalExtension extension, String api, boolean noEvents, ClassLoader loader) {
        String name;
        RegisteredExtension registered;
        try {
            name = extension.name();
            Extension.Builder builder = Extension.builder().name(name).internal().runtimeApi(api)
                    .onEvent(event -> {
                        if (event instanceof Event.Invoke invoke) {
                            extension.onInvoke(invoke);
                        }
                    });
            if (noEvents) {
                builder.events(new EventType[0]);
            }
            registered = builder.build().register();
        } catch (RuntimeException e) {
            System.err.println("[runway] The internal extension " + extension.getClass().getName()
                    + " could not register: " + e.getMessage());
            return false;
        }
        try {
            extension.init(registered.registration());
        } catch (Exception | LinkageError e) {
            System.err.println("[runway] The internal extension " + name + " failed to initialise: " + e);
            try {
                registered.client().initError(ExtensionError.of(Extension.INIT_FAILED, e));
            } catch (RuntimeException reportFailed) {
                System.err.println("[runway] " + reportFailed.getMessage());
            }
            registered.close();
            return false;
        }
        Thread thread = new Thread(registered::run, "runway-extension-" + name);
        thread.setDaemon(true);
        thread.setContextClassLoader(loader);
        thread.start();
        return true;
    }
}
