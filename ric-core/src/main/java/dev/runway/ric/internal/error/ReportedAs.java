package dev.runway.ric.internal.error;

/**
 * An exception the runtime raises around the handler (not the handler's own) that the platform's clients know
 * under another {@code errorType}: the managed Java runtime reports a malformed event as
 * {@code java.lang.RuntimeException}, and alarms and dashboards key on that. The precise cause stays in the stack
 * trace's {@code Caused by:} lines.
 */
public interface ReportedAs {

    /** @return the {@code errorType} the report carries */
    String reportedErrorType();
}
