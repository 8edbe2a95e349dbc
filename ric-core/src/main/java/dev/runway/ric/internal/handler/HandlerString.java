package dev.runway.ric.internal.handler;

/**
 * A parsed handler string: {@code pkg.Class} or {@code pkg.Class::method}.
 *
 * <p>The string is split on the <em>last</em> {@code ::}, as the managed runtime does, so
 * {@code a::b::c} names method {@code c} of a class called {@code a::b} (which then fails to load). Nothing is
 * trimmed: Lambda's API already rejects whitespace in handler names, and a runtime that trimmed would accept
 * strings the managed runtime refuses.
 *
 * @param original the string as given, for error messages
 * @param className the binary class name, never empty
 * @param methodName the method name, or {@code null} when the class itself is the handler
 */
record HandlerString(String original, String className, String methodName) {

    private static final String SEPARATOR = "::";

    /**
     * Parses a handler string.
     *
     * @param handler the string from the command line or {@code _HANDLER}, may be {@code null}
     * @return the parts
     * @throws HandlerLoadException when the string is missing or a part of it is empty
     */
    static HandlerString parse(String handler) {
        if (handler == null || handler.isEmpty()) {
            throw new HandlerLoadException(IllegalArgumentException.class.getName(),
                    "No handler was given: set _HANDLER or pass the handler as the first argument", null);
        }
        int separator = handler.lastIndexOf(SEPARATOR);
        String className = separator < 0 ? handler : handler.substring(0, separator);
        String methodName = separator < 0 ? null : handler.substring(separator + SEPARATOR.length());
        if (className.isEmpty() || (methodName != null && methodName.isEmpty())) {
            throw new HandlerLoadException(IllegalArgumentException.class.getName(), "Invalid handler: '" + handler
                    + "'; expected 'package.Class' or 'package.Class::method'", null);
        }
        return new HandlerString(handler, className, methodName);
    }

    /** @return whether a method was named, rather than a class implementing a handler interface */
    boolean hasMethod() {
        return methodName != null;
    }
}
