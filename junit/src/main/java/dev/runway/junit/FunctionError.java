package dev.runway.junit;

import java.util.List;

/**
 * An error as the invoker sees it: the function's own (an exception of the handler) or the platform's
 * ({@code Runtime.ExitError}, {@code Sandbox.Timedout}, an init failure...).
 *
 * @param errorType such as {@code java.lang.IllegalStateException} or {@code Runtime.ExitError}
 * @param errorMessage the message
 * @param stackTrace the stack trace lines, when the runtime sent them
 */
public record FunctionError(String errorType, String errorMessage, List<String> stackTrace) {}
