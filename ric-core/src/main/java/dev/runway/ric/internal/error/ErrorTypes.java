package dev.runway.ric.internal.error;

/**
 * Values of the {@code Lambda-Runtime-Function-Error-Type} header, as the managed Java runtime sends them. The
 * header names the class of fault; the body's {@code errorType} names the exception.
 */
public final class ErrorTypes {

    /** The handler threw. */
    public static final String USER_EXCEPTION = "Runtime.UserException";
    /** The handler could not be loaded or initialised. */
    public static final String BAD_FUNCTION_CODE = "Runtime.BadFunctionCode";
    /** The runtime itself could not start (bad configuration, for example). */
    public static final String INVALID_CONFIGURATION = "Runtime.InvalidConfiguration";
    /** The response was larger than the platform accepts. */
    public static final String RESPONSE_SIZE_TOO_LARGE = "Function.ResponseSizeTooLarge";
    /** A SnapStart before-checkpoint hook failed. */
    public static final String BEFORE_CHECKPOINT_ERROR = "Runtime.BeforeCheckpointError";
    /** A SnapStart after-restore hook failed. */
    public static final String AFTER_RESTORE_ERROR = "Runtime.AfterRestoreError";

    private ErrorTypes() {}
}
