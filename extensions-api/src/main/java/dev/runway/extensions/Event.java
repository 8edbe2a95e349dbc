package dev.runway.extensions;

import java.util.Objects;

/** What {@code /event/next} returns: an invocation or the shutdown. */
public sealed interface Event permits Event.Invoke, Event.Shutdown {

    /**
     * @return when the platform stops waiting, in milliseconds since the epoch: the invocation's deadline, or the
     *     time the platform kills the extension
     */
    long deadlineMs();

    /**
     * An invocation.
     *
     * @param requestId the invocation's request id, as the runtime sees it
     * @param deadlineMs the invocation's deadline
     * @param invokedFunctionArn the ARN the function was invoked with
     * @param tracing the trace header, or {@code null} when the invocation is not traced
     */
    record Invoke(String requestId, long deadlineMs, String invokedFunctionArn, Tracing tracing) implements Event {

        /** Checks the request id. */
        public Invoke {
            Objects.requireNonNull(requestId, "requestId");
        }
    }

    /**
     * The environment shuts down; the extension must exit before the deadline.
     *
     * @param reason the platform's reason, as sent: Lambda sends {@code spindown}, {@code timeout} or
     *     {@code failure}; the RIE also {@code SandboxTerminated}, {@code Timeout} and others. Kept as a string so
     *     that a new reason never breaks an extension.
     * @param deadlineMs when the platform kills the extension
     */
    record Shutdown(String reason, long deadlineMs) implements Event {}

    /**
     * The invocation's tracing.
     *
     * @param type the header, {@code X-Amzn-Trace-Id}
     * @param value its value
     */
    record Tracing(String type, String value) {}
}
