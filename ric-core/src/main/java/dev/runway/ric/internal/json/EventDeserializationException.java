package dev.runway.ric.internal.json;

import dev.runway.ric.internal.error.ReportedAs;

/**
 * The invocation payload is not valid JSON for the handler's input type. Reported to {@code /error}
 * with the message the managed Java runtime uses, and the cause that says what was wrong.
 */
public final class EventDeserializationException extends RuntimeException implements ReportedAs {

    private static final long serialVersionUID = 1L;

    /**
     * @param cause the parser's complaint
     */
    public EventDeserializationException(Throwable cause) {
        super("An error occurred during JSON parsing", cause);
    }

    /** @return {@code java.lang.RuntimeException}, the type the managed Java runtime reports for a malformed event */
    @Override
    public String reportedErrorType() {
        return RuntimeException.class.getName();
    }
}
