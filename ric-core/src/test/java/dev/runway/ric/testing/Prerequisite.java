package dev.runway.ric.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine (the RIE, a Docker API, a mount namespace, a browser). On a developer's
 * machine a missing one skips the test, loudly; under CI ({@code CI=true}, as {@code .ci/run} runs) it fails it: a
 * test CI skips is a test that did not pass. Shared by the modules' integration tests through this module's test jar.
 */
public final class Prerequisite {

    private Prerequisite() {}

    /** @return true when this JVM runs under CI ({@code CI=true}, as CI services and {@code .ci/run} set it) */
    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Skips the calling test (fails it under CI) unless {@code present}.
     *
     * @param missing what is missing and how to provide it, for the test's report
     */
    public static void require(boolean present, String missing) {
        if (present) {
            return;
        }
        if (underCi()) {
            throw new AssertionError("CI=true, so this test may not skip: " + missing);
        }
        System.err.println("\n***** SKIPPED: " + missing + " *****\n");
        Assumptions.abort(missing);
    }
}
