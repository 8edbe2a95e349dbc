package dev.runway.maven.internal;

/** Why the {@code train} goal could not make a cache; its message is what the build shows. */
public class TrainingException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and what to do about it
     */
    public TrainingException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
