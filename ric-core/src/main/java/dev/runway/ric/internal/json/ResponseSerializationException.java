package dev.runway.ric.internal.json;

/**
 * The handler's result cannot be written as JSON. Reported to {@code /error} with the message the managed
 * Java runtime uses, and the cause that says what was wrong.
 */
public final class ResponseSerializationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param cause the serializer's complaint
     */
    public ResponseSerializationException(Throwable cause) {
        super("An error occurred during JSON serialization of response", cause);
    }
}
