package dev.runway.extensions.telemetry;

/**
 * How the platform batches telemetry for a subscriber; checked against the platform's ranges, which it would
 * otherwise refuse with 400 {@code ValidationError} at subscription time.
 *
 * @param maxItems events per batch at most, 1 000 to 10 000
 * @param maxBytes bytes per batch at most, 262 144 to 1 048 576
 * @param timeoutMs how long the platform buffers before it sends, 25 to 30 000
 */
public record Buffering(int maxItems, int maxBytes, int timeoutMs) {

    /** Lambda's documented defaults but for a shorter timeout, so a batch comes soon after each invocation. */
    public static final Buffering DEFAULT = new Buffering(1_000, 262_144, 100);

    /** Checks the ranges. */
    public Buffering {
        check("maxItems", maxItems, 1_000, 10_000);
        check("maxBytes", maxBytes, 262_144, 1_048_576);
        check("timeoutMs", timeoutMs, 25, 30_000);
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + value);
        }
    }
}
