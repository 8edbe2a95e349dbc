package dev.runway.ric;

/**
 * Told by the invocation loop when each invocation starts and ends; how the bootstrap drives internal extensions.
 * Both calls run on the invocation's thread, so they must be short and must not throw: their time is the
 * function's.
 */
public interface InvocationListener {

    /**
     * Just before the handler.
     *
     * @param requestId the request id
     * @param deadlineMs the deadline, epoch milliseconds
     */
    void invocationStarted(String requestId, long deadlineMs);

    /**
     * Once the response or the error is posted, before the next {@code /next}.
     *
     * @param requestId the request id
     * @param failed whether an error was posted
     */
    void invocationFinished(String requestId, boolean failed);
}
