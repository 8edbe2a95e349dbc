package dev.runway.maven.internal;

/** {@code bootstrap --train} ran and failed, or wrote no cache; the message carries its output. */
public final class TrainingFailedException extends TrainingException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, followed by the training's own output
     */
    public TrainingFailedException(String message) {
        super(message);
    }
}
