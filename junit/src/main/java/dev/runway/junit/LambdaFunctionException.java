package dev.runway.junit;

/** Thrown by {@link LambdaFunctionExtension#invoke(Object, Class)} when the invocation did not succeed. */
public final class LambdaFunctionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient LambdaResponse response;

    LambdaFunctionException(LambdaResponse response) {
        super(response.error().map(e -> e.errorType() + ": " + e.errorMessage()).orElse("HTTP " + response.status()));
        this.response = response;
    }

    /** @return the whole answer */
    public LambdaResponse response() {
        return response;
    }

    /** @return the error */
    public FunctionError error() {
        return response.error().orElseThrow();
    }
}
