package dev.runway.extensions.telemetry;

import java.util.Locale;

/** The streams a subscriber can ask for. */
public enum TelemetryType {
    /** {@code platform.*} events: init, start, runtimeDone, report, extension, logsDropped. */
    PLATFORM,
    /** The function's log lines. */
    FUNCTION,
    /**
     * The extensions' log lines. A subscriber that prints what it receives to standard output while subscribed to
     * these feeds itself.
     */
    EXTENSION;

    /** @return the API's name for it */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
