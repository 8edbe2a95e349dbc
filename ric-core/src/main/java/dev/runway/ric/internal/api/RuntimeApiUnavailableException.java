package dev.runway.ric.internal.api;

/** The Runtime API could not be reached, even after the bounded retries: the process should exit. */
public final class RuntimeApiUnavailableException extends RuntimeApiException {

    private static final long serialVersionUID = 1L;

    RuntimeApiUnavailableException(String operation, String address, int attempts, Throwable cause) {
        super("The Runtime API at " + address + " could not be reached for " + operation + " after " + attempts
                + " attempts" + (cause == null ? "" : ": " + cause), cause);
    }
}
