package dev.runway.ric.internal.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.ric.InvocationListener;
import dev.runway.ric.RuntimeHooks;
import dev.runway.ric.testing.Event;
import dev.runway.ric.testing.FakeRuntimeApi;
import dev.runway.ric.testing.RecordedPost;
import dev.runway.ric.testing.RuntimeUnderTest;
import dev.runway.ric.testing.handlers.EchoStreamHandler;
import dev.runway.ric.testing.handlers.FailingHandler;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hooks the bootstrap installs: called once during init with the function's loader, then around invocations. */
class InvocationListenerTest {

    @TempDir
    Path taskRoot;

    private FakeRuntimeApi api;
    private final BlockingQueue<String> calls = new LinkedBlockingQueue<>();

    @BeforeEach
    void startApi() throws Exception {
        api = FakeRuntimeApi.start();
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    private final RuntimeHooks hooks = loader -> {
        calls.add("init " + (loader != ClassLoader.getSystemClassLoader()));
        return new InvocationListener() {
            @Override
            public void invocationStarted(String requestId, long deadlineMs) {
                calls.add("started " + requestId + " " + deadlineMs);
            }

            @Override
            public void invocationFinished(String requestId, boolean failed) {
                calls.add("finished " + requestId + " " + failed);
            }
        };
    };

    private String take() throws InterruptedException {
        String call = calls.poll(10, TimeUnit.SECONDS);
        assertThat(call).as("a listener call").isNotNull();
        return call;
    }

    @Test
    void theListenerHearsTheStartAndTheEndOfEachInvocationAfterItsPost() throws Exception {
        try (RuntimeUnderTest runtime = RuntimeUnderTest.start(api, taskRoot, EchoStreamHandler.class.getName(), Map.of(), hooks)) {
            Event event = api.enqueue("{}");
            assertThat(take()).isEqualTo("init true");
            assertThat(take()).startsWith("started " + event.requestId() + " ");
            assertThat(take()).isEqualTo("finished " + event.requestId() + " false");
            assertThat(api.takePost().kind()).isEqualTo(RecordedPost.Kind.RESPONSE);
        }
    }

    @Test
    void aFailedInvocationIsReportedAsFailed() throws Exception {
        try (RuntimeUnderTest runtime = RuntimeUnderTest.start(api, taskRoot, FailingHandler.class.getName(), Map.of(), hooks)) {
            Event event = api.enqueue("{}");
            assertThat(take()).isEqualTo("init true");
            assertThat(take()).startsWith("started " + event.requestId());
            assertThat(take()).isEqualTo("finished " + event.requestId() + " true");
            assertThat(api.takePost().kind()).isEqualTo(RecordedPost.Kind.ERROR);
        }
    }
}
