package dev.runway.ric.internal.handler;

/**
 * The handler string does not name a handler the runtime can call: a malformed string, a missing class or
 * method, a class of the wrong shape. Reported to {@code /init/error} as {@code Runtime.BadFunctionCode}.
 */
public final class HandlerLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorType;

    /**
     * @param errorType the {@code errorType} of the report, usually an exception class name
     * @param message what is wrong, naming the handler
     * @param cause the underlying failure, or {@code null}
     */
    public HandlerLoadException(String errorType, String message, Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
    }

    /** @return the {@code errorType} reported for this failure */
    public String errorType() {
        return errorType;
    }
}
