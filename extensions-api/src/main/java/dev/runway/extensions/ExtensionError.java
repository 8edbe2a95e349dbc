package dev.runway.extensions;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An error an extension reports to {@code /init/error} or {@code /exit/error}.
 *
 * @param errorType {@code Category.Reason}, such as {@code Extension.ConfigInvalid} or {@code Fatal.ConnectFailed}:
 *     sent as {@code Lambda-Extension-Function-Error-Type} and shown by the platform as the invocation's error type
 * @param errorMessage a message
 * @param stackTrace the stack trace lines, may be empty
 */
public record ExtensionError(String errorType, String errorMessage, List<String> stackTrace) {

    private static final Pattern CATEGORY_REASON = Pattern.compile("[A-Za-z0-9_]+\\.[A-Za-z0-9_.]+");

    /** Checks the error type's {@code Category.Reason} shape. */
    public ExtensionError {
        Objects.requireNonNull(errorType, "errorType");
        if (!CATEGORY_REASON.matcher(errorType).matches()) {
            throw new IllegalArgumentException("the error type must be Category.Reason: " + errorType);
        }
        errorMessage = errorMessage == null ? "" : errorMessage;
        stackTrace = List.copyOf(stackTrace);
    }

    /**
     * @param errorType {@code Category.Reason}
     * @param failure the failure: its class and message, and its stack trace
     * @return the report
     */
    public static ExtensionError of(String errorType, Throwable failure) {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement frame : failure.getStackTrace()) {
            frames.add(frame.toString());
        }
        String message = failure.getMessage() == null ? failure.getClass().getName()
                : failure.getClass().getName() + ": " + failure.getMessage();
        return new ExtensionError(errorType, message, frames);
    }
}
