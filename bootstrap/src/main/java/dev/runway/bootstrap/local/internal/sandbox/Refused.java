package dev.runway.bootstrap.local.internal.sandbox;

/**
 * A request the platform refuses, with the status and the error document it answers: the state parts throw it,
 * the API classes turn it into the answer.
 */
final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    final int status;
    final String json;

    Refused(int status, String json) {
        super(json, null, false, false);
        this.status = status;
        this.json = json;
    }

    /** The Extensions API's 403 with the platform's error type. */
    static Refused forbidden(String errorType, String message) {
        return new Refused(403, Errors.json(errorType, message));
    }
}
