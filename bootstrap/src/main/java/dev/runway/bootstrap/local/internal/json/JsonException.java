package dev.runway.bootstrap.local.internal.json;

/** A document that is not the JSON it should be. */
public final class JsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, and where
     */
    public JsonException(String message) {
        super(message);
    }
}
