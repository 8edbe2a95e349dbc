package dev.runway.ric.internal.loop;

import java.io.PrintStream;

/**
 * The runtime's own messages, on standard error where the platform collects them. Quiet unless something went
 * wrong: a warm loop prints nothing.
 */
public final class Diagnostics {

    private Diagnostics() {}

    /**
     * Reports a condition the runtime recovered from.
     *
     * @param message what happened
     */
    public static void warn(String message) {
        System.err.println("[runway] " + message);
    }

    /**
     * Logs a handler failure in full, cause chain included, as the managed runtime does alongside the report.
     *
     * @param requestId the invocation
     * @param failure what the handler threw
     */
    public static void invocationFailed(String requestId, Throwable failure) {
        PrintStream err = System.err;
        StringBuilder text = new StringBuilder("[runway] Invocation ").append(requestId).append(" failed: ");
        java.io.StringWriter trace = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(trace));
        err.print(text.append(trace));
        err.flush();
    }
}
