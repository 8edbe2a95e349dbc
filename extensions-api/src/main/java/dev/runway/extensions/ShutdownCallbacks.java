package dev.runway.extensions;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Work to do when the platform shuts the environment down: flush metrics, close pools. Runway's bootstrap runs
 * the callbacks, in registration order, when the runtime's JVM gets SIGTERM, within the runtime's shutdown budget
 * ({@code RUNWAY_SHUTDOWN_BUDGET_MS}, 250 ms by default: Lambda gives the runtime 300 ms, 500 ms with an internal
 * extension, before SIGKILL). Callbacks still running at the end of the budget are abandoned. Plain JVM shutdown
 * hooks run at the same time.
 *
 * <p>SIGTERM comes only when an extension is registered; the bootstrap registers one for that purpose (see the
 * README, "Graceful shutdown").
 */
public final class ShutdownCallbacks {

    private static final List<Runnable> CALLBACKS = new ArrayList<>();

    private ShutdownCallbacks() {}

    /**
     * @param callback what to run at shutdown
     */
    public static void register(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        synchronized (CALLBACKS) {
            CALLBACKS.add(callback);
        }
    }

    /**
     * Runs every registered callback once, in order, on the calling thread, logging failures on standard error.
     * Called by the runtime's shutdown hook; callbacks run are forgotten.
     */
    public static void runAll() {
        List<Runnable> callbacks;
        synchronized (CALLBACKS) {
            callbacks = List.copyOf(CALLBACKS);
            CALLBACKS.clear();
        }
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException | LinkageError e) {
                System.err.println("[runway] a shutdown callback failed: " + e);
            }
        }
    }

    /** @return how many callbacks wait */
    static int pending() {
        synchronized (CALLBACKS) {
            return new ArrayList<>(CALLBACKS).size();
        }
    }
}
