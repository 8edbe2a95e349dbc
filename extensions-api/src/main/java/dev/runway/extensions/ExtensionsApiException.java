package dev.runway.extensions;

/**
 * The Extensions or Telemetry API refused a call, or could not be reached ({@link #status()} is then 0).
 * A 500 means the platform is in a state the extension cannot recover from: it should exit.
 */
public class ExtensionsApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorType;

    /**
     * @param message what failed
     * @param status the HTTP status, 0 when there was no answer
     * @param errorType the platform's {@code errorType}, or {@code null}
     * @param cause the I/O failure, or {@code null}
     */
    public ExtensionsApiException(String message, int status, String errorType, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorType = errorType;
    }

    /** @return the HTTP status, or 0 when the API could not be reached */
    public int status() {
        return status;
    }

    /** @return the platform's error type, such as {@code Extension.RegistrationClosed}, or {@code null} */
    public String errorType() {
        return errorType;
    }
}
