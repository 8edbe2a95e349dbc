package dev.runway.bootstrap.extensions;

import dev.runway.extensions.ShutdownCallbacks;
import java.util.Map;

/**
 * The JVM shutdown hook that runs the {@link ShutdownCallbacks} when the platform sends SIGTERM, bounded by the
 * runtime's budget: Lambda sends SIGKILL 300 ms after SIGTERM (500 ms when an internal extension is registered),
 * so the hook stops waiting a little before, leaving the JVM time to run its other hooks and exit by itself.
 */
final class ShutdownBudget {

    /** The default budget without internal extensions: under Lambda's 300 ms. */
    static final long DEFAULT_MS = 250;
    /** The default budget with internal extensions: under Lambda's 500 ms. */
    static final long DEFAULT_WITH_INTERNAL_MS = 450;

    private ShutdownBudget() {}

    /**
     * @param environment {@code RUNWAY_SHUTDOWN_BUDGET_MS} overrides the default
     * @param internalExtensions whether internal extensions are registered
     * @return the budget in milliseconds
     */
    static long budgetMs(Map<String, String> environment, boolean internalExtensions) {
        String value = environment.get("RUNWAY_SHUTDOWN_BUDGET_MS");
        if (value != null) {
            try {
                return Math.max(0, Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                System.err.println("[runway] RUNWAY_SHUTDOWN_BUDGET_MS is not a number: " + value);
            }
        }
        return internalExtensions ? DEFAULT_WITH_INTERNAL_MS : DEFAULT_MS;
    }

    static void install(long budgetMs) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> runWithin(budgetMs), "runway-shutdown"));
    }

    /** Runs the callbacks on their own daemon thread, and waits for them at most the budget. */
    static boolean runWithin(long budgetMs) {
        Thread callbacks = new Thread(ShutdownCallbacks::runAll, "runway-shutdown-callbacks");
        callbacks.setDaemon(true);
        callbacks.start();
        try {
            callbacks.join(Math.max(1, budgetMs));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (callbacks.isAlive()) {
            System.err.println("[runway] Shutdown callbacks still running after " + budgetMs + " ms: abandoned.");
            return false;
        }
        return true;
    }
}
