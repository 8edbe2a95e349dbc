package dev.runway.ric.crac;

/** One or more resources failed after the restore; each failure is a suppressed exception. */
public class RestoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /** An exception to which the failures are added as suppressed. */
    public RestoreException() {
        super("a resource failed after the SnapStart restore");
    }
}
