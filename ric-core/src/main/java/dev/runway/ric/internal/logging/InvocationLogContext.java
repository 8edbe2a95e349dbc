package dev.runway.ric.internal.logging;

/**
 * What the invocation loop does for logging around each handler call: the thread's records name the invocation,
 * the function's MDC holds its ids, and what the handler's thread left unfinished is written when it returns.
 * One per runtime, shared by its loops.
 */
public final class InvocationLogContext {

    private final RuntimeLogging logging;
    private final MdcPublisher mdc;

    /**
     * @param logging the installed logging
     * @param functionLoader the function's class loader, where its logging frameworks are
     */
    public InvocationLogContext(RuntimeLogging logging, ClassLoader functionLoader) {
        this.logging = logging;
        this.mdc = new MdcPublisher(functionLoader);
        if (logging.runtimeEnabled(com.amazonaws.services.lambda.runtime.logging.LogLevel.DEBUG)) {
            logging.runtimeEvent(com.amazonaws.services.lambda.runtime.logging.LogLevel.DEBUG, "runway",
                    "Request ids are put in the MDC of: " + mdc.frameworks(), null);
        }
    }

    /**
     * Starts an invocation on this thread.
     *
     * @param requestId its request id
     * @param tenantId its tenant, or {@code null}
     * @param traceId its X-Ray trace header, or {@code null}
     * @return what {@link #close} takes
     */
    public Scope open(String requestId, String tenantId, String traceId) {
        Scope scope = new Scope(logging.scopes().open(requestId, tenantId));
        mdc.publish(requestId, traceId, tenantId);
        return scope;
    }

    /**
     * Writes what this thread left unfinished, still as part of the invocation; before an error report, so that
     * the output comes first.
     */
    public void flush() {
        logging.flushThread();
    }

    /**
     * Ends the invocation on this thread.
     *
     * @param scope what {@link #open} returned
     */
    public void close(Scope scope) {
        logging.flushThread();
        mdc.clear();
        logging.scopes().close(scope.scope);
    }

    /** An invocation's place in the log, between {@link #open} and {@link #close}. */
    public static final class Scope {
        private final RequestScope scope;

        private Scope(RequestScope scope) {
            this.scope = scope;
        }
    }
}
