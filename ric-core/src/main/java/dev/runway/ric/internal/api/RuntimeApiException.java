package dev.runway.ric.internal.api;

import java.nio.charset.StandardCharsets;

/** The Runtime API answered a call with a status that means the call failed. */
public class RuntimeApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param operation what was called
     * @param status the HTTP status
     * @param body the answer, usually {@code {errorMessage, errorType}}
     */
    public RuntimeApiException(String operation, int status, byte[] body) {
        super(operation + " failed with HTTP " + status + ": " + new String(body, StandardCharsets.UTF_8));
        this.status = status;
    }

    RuntimeApiException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** @return the HTTP status, 0 when no answer came */
    public int status() {
        return status;
    }
}
