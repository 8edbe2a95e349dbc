package dev.runway.ric.testing.handlers;

/**
 * Builds exceptions outside the runtime's packages: frames of {@code dev.runway.ric.internal} are cut from
 * reports, so exceptions created by the tests of those packages would show no frames at all.
 */
public final class Failures {

    private Failures() {}

    /** @return an exception with a cause, both thrown from here */
    public static Exception withCause(String message, String causeMessage) {
        Exception cause = new RuntimeException(causeMessage);
        return new IllegalStateException(message, cause);
    }
}
