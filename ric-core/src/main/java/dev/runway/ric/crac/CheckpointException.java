package dev.runway.ric.crac;

/** One or more resources failed before the snapshot; each failure is a suppressed exception. */
public class CheckpointException extends Exception {

    private static final long serialVersionUID = 1L;

    /** An exception to which the failures are added as suppressed. */
    public CheckpointException() {
        super("a resource failed before the SnapStart snapshot");
    }
}
