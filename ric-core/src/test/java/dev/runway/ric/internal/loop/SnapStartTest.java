package dev.runway.ric.internal.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runway.ric.testing.FakeRuntimeApi;
import dev.runway.ric.testing.RecordedPost;
import dev.runway.ric.testing.RuntimeUnderTest;
import dev.runway.ric.testing.handlers.SnapStartHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The SnapStart restore protocol against the fake Runtime API: hooks registered through {@code org.crac} and
 * through {@code SnapStartHooks}, in order around {@code /restore/next}, and failures reported as the managed
 * runtime reports them. The global CRaC context is the JVM's, so these tests share it: each looks at the events
 * its own run added.
 */
@Isolated
class SnapStartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SNAP_START = Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");

    @TempDir
    Path taskRoot;

    private FakeRuntimeApi api;

    @BeforeEach
    void start() throws Exception {
        api = FakeRuntimeApi.start();
        SnapStartHandler.Events.LIST.clear();
    }

    @AfterEach
    void stop() {
        api.close();
        System.clearProperty("test.snapstart.fail");
    }

    @Test
    void hooksRunAroundTheRestoreInTheirOrder() throws Exception {
        try (RuntimeUnderTest runtime = RuntimeUnderTest.start(api, taskRoot, SnapStartHandler.class.getName(), SNAP_START)) {
            api.enqueue("{}");
            String ran = api.takePost().bodyText();
            // Before the snapshot in the reverse order of registration, after the restore in their order.
            assertThat(ran).endsWith("before:spi,before:second,before:first,after:first,after:second,after:spi");
            assertThat(api.restoreCalls()).isEqualTo(1);
        }
    }

    @Test
    void withoutSnapStartNoHookRunsAndRestoreIsNeverCalled() throws Exception {
        try (RuntimeUnderTest runtime = RuntimeUnderTest.start(api, taskRoot, SnapStartHandler.class.getName(), Map.of())) {
            api.enqueue("{}");
            assertThat(api.takePost().bodyText()).isEmpty();
            assertThat(api.restoreCalls()).isZero();
        }
    }

    @Test
    void aFailingBeforeCheckpointHookFailsInitWithExit64() throws Exception {
        System.setProperty("test.snapstart.fail", "before");
        RuntimeUnderTest runtime = RuntimeUnderTest.start(api, taskRoot, SnapStartHandler.class.getName(), SNAP_START);
        RecordedPost post = api.takePost();
        assertThat(post.kind()).isEqualTo(RecordedPost.Kind.INIT_ERROR);
        assertThat(post.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Runtime.BeforeCheckpointError");
        JsonNode body = JSON.readTree(post.body());
        assertThat(body.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(body.get("errorMessage").asText()).isEqualTo("cannot close the pool");
        assertThat(runtime.awaitExit(Duration.ofSeconds(30))).isEqualTo(64);
        assertThat(api.restoreCalls()).isZero();
    }

    @Test
    void aFailingAfterRestoreHookIsReportedToRestoreErrorWithExit64() throws Exception {
        System.setProperty("test.snapstart.fail", "after");
        RuntimeUnderTest runtime = RuntimeUnderTest.start(api, taskRoot, SnapStartHandler.class.getName(), SNAP_START);
        RecordedPost post = api.takePost();
        assertThat(post.kind()).isEqualTo(RecordedPost.Kind.RESTORE_ERROR);
        assertThat(post.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Runtime.AfterRestoreError");
        assertThat(JSON.readTree(post.body()).get("errorMessage").asText()).isEqualTo("cannot reopen the pool");
        assertThat(runtime.awaitExit(Duration.ofSeconds(30))).isEqualTo(64);
        assertThat(api.nextCalls()).isZero();
    }
}
