package dev.runway.ric.internal.loop;

import dev.runway.ric.internal.logging.RuntimeLoggers;
import org.slf4j.Logger;

/**
 * The runtime's own messages, through SLF4J to the log path every record takes (telemetry frames, or standard
 * error). Quiet by default: a warm loop prints nothing; {@code RUNWAY_LOG_LEVEL=DEBUG} shows more.
 */
public final class Diagnostics {

    private static final Logger LOG = RuntimeLoggers.get("runway");

    private Diagnostics() {}

    /**
     * Reports a condition the runtime recovered from.
     *
     * @param message what happened
     */
    public static void warn(String message) {
        LOG.warn(message);
    }

    /**
     * Reports what only someone investigating the runtime wants to see.
     *
     * @param message what happened
     */
    public static void debug(String message) {
        LOG.debug(message);
    }

    /**
     * Logs a handler failure in full, cause chain included, as the managed runtime does alongside the report.
     * Called while the invocation is still open, so that the record names its request.
     *
     * @param requestId the invocation
     * @param failure what the handler threw
     */
    public static void invocationFailed(String requestId, Throwable failure) {
        LOG.error("Invocation {} failed", requestId, failure);
    }

    /**
     * Logs an init failure in full.
     *
     * @param failure what the function's initialisation threw
     */
    public static void initFailed(Throwable failure) {
        LOG.error("Init failed", failure);
    }
}
