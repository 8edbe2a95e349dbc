package dev.runway.ric.internal.json;

import dev.runway.ric.internal.error.ReportedAs;

/**
 * The handler's result cannot be written as JSON. Reported to {@code /error} with the message the managed
 * Java runtime uses, and the cause that says what was wrong.
 */
public final class ResponseSerializationException extends RuntimeException implements ReportedAs {

    private static final long serialVersionUID = 1L;

    /**
     * @param cause the serializer's complaint
     */
    public ResponseSerializationException(Throwable cause) {
        super("An error occurred during JSON serialization of response", cause);
    }

    /** @return {@code java.lang.RuntimeException}, the type the managed Java runtime reports for a result that cannot be written */
    @Override
    public String reportedErrorType() {
        return RuntimeException.class.getName();
    }
}
