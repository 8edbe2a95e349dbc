package dev.runway.ric.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.runway.ric.testing.ChildRuntime;
import dev.runway.ric.testing.Event;
import dev.runway.ric.testing.FakeRuntimeApi;
import dev.runway.ric.testing.FakeRuntimeApi.Fault;
import dev.runway.ric.testing.RecordedPost;
import dev.runway.ric.testing.handlers.HostileHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The process-level faults, in a child JVM running {@code RuntimeInterfaceClient.main}: the process exits when
 * the platform ends it, whatever the function left behind (non-daemon threads, a shutdown hook that never
 * returns), and exits when the function calls {@code System.exit}. The bound on each wait is a watchdog against
 * a hang, not a measurement.
 */
class ProcessExitIT {

    private static final Duration WATCHDOG = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private FakeRuntimeApi api;
    private ChildRuntime runtime;

    @BeforeEach
    void startApi() throws Exception {
        api = FakeRuntimeApi.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        api.close();
    }

    private void start(String concurrency) throws Exception {
        Map<String, String> env = concurrency.isEmpty() ? Map.of() : Map.of("AWS_LAMBDA_MAX_CONCURRENCY", concurrency);
        runtime = ChildRuntime.start(ChildRuntime.Kind.RUNWAY, api, null, dir, HostileHandler.class.getName(), env,
                List.of());
    }

    @ParameterizedTest(name = "concurrency ''{0}''")
    @ValueSource(strings = {"", "2"})
    void aNonDaemonThreadAndABrokenReportDoNotKeepTheProcessAliveOnceThePlatformIsGone(String concurrency) {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            start(concurrency);
            Event event = api.enqueue("thread");
            RecordedPost post = api.takePost();
            assertThat(post.requestId()).isEqualTo(event.requestId());
            assertThat(post.kind()).isEqualTo(RecordedPost.Kind.ERROR);
            Event next = api.enqueue("ok:still here");
            assertThat(api.takePost().requestId()).isEqualTo(next.requestId());
            api.close(); // every /next now gets 500: the platform's reason to end
            assertThat(runtime.awaitExit(WATCHDOG)).as(runtime.output()).isEqualTo(1);
        });
    }

    @ParameterizedTest(name = "concurrency ''{0}''")
    @ValueSource(strings = {"", "2"})
    void aRefusedNextEndsTheProcessDespiteANonDaemonThread(String concurrency) {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            start(concurrency);
            api.enqueue("thread");
            api.takePost();
            for (int i = 0; i < 2; i++) {
                api.inject(Fault.NEXT_403);
            }
            assertThat(runtime.awaitExit(WATCHDOG)).as(runtime.output()).isEqualTo(1);
        });
    }

    @ParameterizedTest(name = "concurrency ''{0}''")
    @ValueSource(strings = {"", "2"})
    void aShutdownHookThatNeverReturnsDoesNotKeepTheProcessAlive(String concurrency) {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            start(concurrency);
            api.enqueue("hook");
            assertThat(api.takePost().bodyText()).isEqualTo("hooked");
            api.close();
            assertThat(runtime.awaitExit(WATCHDOG)).as(runtime.output()).isEqualTo(1);
        });
    }

    @ParameterizedTest(name = "concurrency ''{0}''")
    @ValueSource(strings = {"", "2"})
    void systemExitInTheHandlerEndsTheProcessWithItsStatus(String concurrency) {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            start(concurrency);
            Event event = api.enqueue("exit:3");
            assertThat(runtime.awaitExit(WATCHDOG)).as(runtime.output()).isEqualTo(3);
            assertThat(api.acceptedPosts(event.requestId())).isZero();
        });
    }
}
