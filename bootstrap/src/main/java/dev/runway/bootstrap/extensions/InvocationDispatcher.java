package dev.runway.bootstrap.extensions;

import dev.runway.extensions.InternalExtension;
import dev.runway.ric.InvocationListener;
import java.util.List;

/** Passes the invocation loop's start and end of each invocation to every internal extension, in order. */
final class InvocationDispatcher implements InvocationListener {

    private final InternalExtension[] extensions;

    InvocationDispatcher(List<InternalExtension> extensions) {
        this.extensions = extensions.toArray(new InternalExtension[0]);
    }

    @Override
    public void invocationStarted(String requestId, long deadlineMs) {
        for (InternalExtension extension : extensions) {
            try {
                extension.invocationStarted(requestId, deadlineMs);
            } catch (RuntimeException e) {
                // An extension's bug must not fail the function's invocation.
                System.err.println("[runway] " + extension.name() + ".invocationStarted failed: " + e);
            }
        }
    }

    @Override
    public void invocationFinished(String requestId, boolean failed) {
        for (InternalExtension extension : extensions) {
            try {
                extension.invocationFinished(requestId, failed);
            } catch (RuntimeException e) {
                System.err.println("[runway] " + extension.name() + ".invocationFinished failed: " + e);
            }
        }
    }
}
