package dev.runway.image;

import org.junit.jupiter.api.Assumptions;

/**
 * What the container tests need from the machine (a Docker API, an RIE for the stand-in base image). On a
 * developer's machine a missing one skips them, loudly; under CI ({@code CI=true}, as {@code .ci/run} runs) it
 * fails them: a test CI skips is a test that did not pass.
 */
final class Prerequisite {

    private Prerequisite() {}

    /** @return true when this JVM runs under CI ({@code CI=true}, as CI services and {@code .ci/run} set it) */
    static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Skips the calling tests (fails them under CI) unless {@code present}.
     *
     * @param missing what is missing and how to provide it, for the test's report
     */
    static void require(boolean present, String missing) {
        if (present) {
            return;
        }
        if (underCi()) {
            throw new AssertionError("CI=true, so the container tests may not skip: " + missing);
        }
        System.err.println("==> SKIPPED: " + missing);
        Assumptions.abort(missing);
    }
}
