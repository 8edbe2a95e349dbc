package dev.runway.extensions.telemetry;

/** What the platform answered to the subscription. */
public enum Subscription {
    /** Subscribed through the Telemetry API {@code 2022-07-01}. */
    TELEMETRY_API,
    /** The Telemetry API is missing; subscribed through the Logs API {@code 2020-08-15} instead. */
    LOGS_API,
    /**
     * The platform answered that it does not support telemetry (the RIE: 202 {@code Telemetry.NotSupported}): no
     * event will come, and flushes return at once rather than waiting for a {@code platform.runtimeDone}.
     */
    NOT_SUPPORTED
}
