package dev.runway.junit;

import dev.runway.extensions.InternalExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An internal extension on the test class path: records what the runtime tells it. */
public class RecordingExtension implements InternalExtension {

    /** {@code started:<id>} and {@code finished:<id>:<failed>}, in order. */
    static final List<String> CALLS = new CopyOnWriteArrayList<>();

    @Override
    public void invocationStarted(String requestId, long deadlineMs) {
        CALLS.add("started:" + requestId);
    }

    @Override
    public void invocationFinished(String requestId, boolean failed) {
        CALLS.add("finished:" + requestId + ":" + failed);
    }
}
