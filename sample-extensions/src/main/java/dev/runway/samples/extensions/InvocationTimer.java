package dev.runway.samples.extensions;

import dev.runway.extensions.InternalExtension;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An internal extension that times each invocation, from just before the handler to the posted response, and
 * prints one line per invocation. Keyed by request id, so it works with concurrent invocations too.
 */
public final class InvocationTimer implements InternalExtension {

    private final Map<String, Long> started = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "invocation-timer";
    }

    @Override
    public void invocationStarted(String requestId, long deadlineMs) {
        started.put(requestId, System.nanoTime());
    }

    @Override
    public void invocationFinished(String requestId, boolean failed) {
        Long start = started.remove(requestId);
        if (start != null) {
            System.out.printf("[invocation-timer] %s %s in %.3f ms%n", requestId, failed ? "failed" : "succeeded",
                    (System.nanoTime() - start) / 1e6);
        }
    }
}
