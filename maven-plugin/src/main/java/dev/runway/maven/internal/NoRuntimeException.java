package dev.runway.maven.internal;

/** The configured Runway runtime (layer directory, layer zip or distribution) is missing or is not one. */
public final class NoRuntimeException extends TrainingException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was looked for, and where
     */
    public NoRuntimeException(String message) {
        super(message);
    }
}
