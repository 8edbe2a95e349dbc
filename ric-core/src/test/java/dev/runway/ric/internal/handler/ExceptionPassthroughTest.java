package dev.runway.ric.internal.handler;

import static dev.runway.ric.internal.handler.Invocations.invoke;
import static dev.runway.ric.internal.handler.Invocations.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runway.ric.internal.handler.fixtures.FailureFixtures;
import dev.runway.ric.internal.handler.fixtures.FailureFixtures.ThrowingMethods;
import org.junit.jupiter.api.Test;

/** What the function throws reaches the loop as the same object: not wrapped, not copied. */
class ExceptionPassthroughTest {

    @Test
    void requestHandler() {
        assertThatThrownBy(() -> invoke(load(FailureFixtures.ThrowingRequestHandler.class), "\"x\""))
                .isSameAs(FailureFixtures.RUNTIME);
    }

    @Test
    void requestStreamHandler() {
        assertThatThrownBy(() -> invoke(load(FailureFixtures.ThrowingStreamHandler.class), "x"))
                .isSameAs(FailureFixtures.IO);
    }

    @Test
    void checkedExceptionFromAPojoMethod() {
        assertThatThrownBy(() -> invoke(load(ThrowingMethods.class, "checked"), "\"x\""))
                .isSameAs(FailureFixtures.CHECKED);
    }

    @Test
    void errorFromAStreamMethod() {
        assertThatThrownBy(() -> invoke(load(ThrowingMethods.class, "stream"), "x")).isSameAs(FailureFixtures.ERROR);
    }

    @Test
    void checkedExceptionFromAStreamMethodWithoutOutput() {
        assertThatThrownBy(() -> invoke(load(ThrowingMethods.class, "streamChecked"), "x"))
                .isSameAs(FailureFixtures.IO);
    }

    @Test
    void staticMethod() {
        assertThatThrownBy(() -> invoke(load(ThrowingMethods.class, "staticRuntime"), "\"x\""))
                .isSameAs(FailureFixtures.RUNTIME);
    }

    @Test
    void methodWithoutArguments() {
        assertThatThrownBy(() -> invoke(load(ThrowingMethods.class, "none"), "x")).isSameAs(FailureFixtures.CHECKED);
    }

    @Test
    void noReflectionFramesBetweenTheMethodAndTheRuntime() {
        Throwable thrown = null;
        try {
            invoke(load(ThrowingMethods.class, "checked"), "\"x\"");
        } catch (Throwable t) {
            thrown = t;
        }
        assertThat(thrown).isSameAs(FailureFixtures.CHECKED);
        // The exception was created in a static initializer, so inspect a fresh one thrown through the same path.
        StackTraceElement[] frames = freshTrace();
        int adapter = indexOf(frames, PojoMethodAdapter.class.getName());
        assertThat(adapter).isPositive();
        for (int i = 0; i < adapter; i++) {
            assertThat(frames[i].getClassName())
                    .doesNotStartWith("java.lang.reflect.")
                    .doesNotStartWith("jdk.internal.reflect.");
        }
    }

    public static class FreshThrower {
        public String handle(String event) {
            throw new IllegalStateException("fresh");
        }
    }

    private static StackTraceElement[] freshTrace() {
        try {
            invoke(load(FreshThrower.class, "handle"), "\"x\"");
        } catch (Throwable t) {
            assertThat(t).isInstanceOf(IllegalStateException.class).hasMessage("fresh");
            assertThat(t.getStackTrace()[0].getClassName()).isEqualTo(FreshThrower.class.getName());
            return t.getStackTrace();
        }
        throw new AssertionError("did not throw");
    }

    private static int indexOf(StackTraceElement[] frames, String className) {
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().equals(className)) {
                return i;
            }
        }
        return -1;
    }
}
