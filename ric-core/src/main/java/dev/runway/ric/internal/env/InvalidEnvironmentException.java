package dev.runway.ric.internal.env;

/** An environment variable holds a value the runtime cannot use; reported as an init error. */
public final class InvalidEnvironmentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which variable and what was wrong with it
     */
    public InvalidEnvironmentException(String message) {
        super(message);
    }
}
