package dev.runway.testfunctions;

import dev.runway.extensions.Event;
import dev.runway.extensions.InternalExtension;
import dev.runway.extensions.Registration;

/** An internal extension that writes its callbacks to {@code $TEST_EXTENSION_LOG}. */
public final class RecordingInternalExtension implements InternalExtension {

    @Override
    public String name() {
        return "recorder";
    }

    @Override
    public void init(Registration registration) {
        SdkExtension.log("internal init " + registration.functionName());
    }

    @Override
    public void invocationStarted(String requestId, long deadlineMs) {
        SdkExtension.log("internal started " + requestId);
    }

    @Override
    public void invocationFinished(String requestId, boolean failed) {
        SdkExtension.log("internal finished " + requestId + " " + failed);
    }

    @Override
    public void onInvoke(Event.Invoke event) {
        SdkExtension.log("internal INVOKE " + event.requestId());
    }
}
