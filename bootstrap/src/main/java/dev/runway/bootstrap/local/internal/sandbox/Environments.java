package dev.runway.bootstrap.local.internal.sandbox;

/**
 * The current execution environment, and the one lock that guards the state local mode's parts share: the
 * {@link Generation}, its {@link Extension}s, the {@link InvocationQueue} and the {@link Invocation}s in it. The
 * parts ({@link InvocationQueue}, {@link ExtensionRegistry}, {@link EnvironmentInit}, {@link Outcomes},
 * {@link ShutdownSequence}, and {@link Sandbox} itself for an invoke's way in) take it inside their own methods,
 * and hold it only for in-memory work: never while waiting for a process or an answer. The API classes never take
 * it: they call those methods.
 */
final class Environments {

    private Generation current;
    private int generations;

    /** @return the environment now, or {@code null} between a reset and the next init */
    synchronized Generation current() {
        return current;
    }

    /** @return a new environment, current from now on */
    synchronized Generation startNew() {
        current = new Generation(++generations);
        return current;
    }

    /** Makes {@code g} no longer current, if it still is. */
    synchronized void retire(Generation g) {
        if (current == g) {
            current = null;
        }
    }
}
