package dev.runway.extensions;

/**
 * Handles one event. It returns when the extension is ready for the next one: until it does, the platform does
 * not finish the invocation (the time is billed, and counts against the function's timeout). An exception is
 * reported to {@code /exit/error} and ends the extension.
 */
@FunctionalInterface
public interface EventProcessor {

    /**
     * @param event the event
     * @throws Exception when the extension cannot go on
     */
    void process(Event event) throws Exception;
}
