package dev.runway.bootstrap.it;

import dev.runway.ric.testing.Event;
import dev.runway.ric.testing.FakeRuntimeApi;
import dev.runway.ric.testing.RecordedPost;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code bootstrap} of the distribution as a process against a Runtime API served by the test.
 * Every process a test starts is killed after it, and its output goes to the test's report.
 */
abstract class BootstrapTestSupport {

    /** A bound on every wait: generous, since CI machines are shared; never a measure of speed. */
    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    FakeRuntimeApi api;

    private final List<RunningProcess> processes = new ArrayList<>();

    @BeforeEach
    void startRuntimeApi() throws IOException {
        api = FakeRuntimeApi.start();
    }

    @AfterEach
    void stopEverything() {
        // The Runtime API first: closing it answers a waiting /next with an error, so the runtime ends by itself.
        api.close();
        for (RunningProcess process : processes) {
            process.close();
            System.out.println(process.output());
        }
    }

    /**
     * Starts {@code bootstrap <handler>} as Lambda does: working directory and {@code LAMBDA_TASK_ROOT} the
     * task root, {@code AWS_LAMBDA_RUNTIME_API} this test's server.
     *
     * @param extraEnvironment more variables, which win over the defaults
     */
    RunningProcess startBootstrap(Path taskRoot, String handler, Map<String, String> extraEnvironment) {
        Map<String, String> env = RunningProcess.baseEnvironment();
        env.put("AWS_LAMBDA_RUNTIME_API", api.address());
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.putAll(extraEnvironment);
        return track(RunningProcess.start("bootstrap-" + processes.size(),
                List.of(Distribution.bootstrap().toString(), handler), env, taskRoot, temp));
    }

    /** Kills the process after the test. */
    RunningProcess track(RunningProcess process) {
        processes.add(process);
        return process;
    }

    /** Sends one event to a started process and waits for what it posts back about it. */
    RecordedPost invoke(RunningProcess process, String payload) {
        Event event = api.enqueue(payload);
        RecordedPost post = takePost(process);
        if (!event.requestId().equals(post.requestId())) {
            throw new AssertionError("Expected the result of " + event.requestId() + ", got " + post.kind() + " "
                    + post.bodyText() + "\n" + process.output());
        }
        return post;
    }

    /** Waits for the next post of a started process, with its output in the failure when none comes. */
    RecordedPost takePost(RunningProcess process) {
        try {
            return api.takePost(WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + process.output(), e);
        }
    }
}
