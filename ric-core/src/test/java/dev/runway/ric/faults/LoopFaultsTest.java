package dev.runway.ric.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runway.ric.testing.Event;
import dev.runway.ric.testing.FakeRuntimeApi;
import dev.runway.ric.testing.FakeRuntimeApi.Fault;
import dev.runway.ric.testing.RecordedPost;
import dev.runway.ric.testing.RuntimeUnderTest;
import dev.runway.ric.testing.handlers.HostileHandler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fault injection against the whole runtime in this JVM: hostile handlers and a Runtime API that breaks at
 * scripted points. The rule checked everywhere: every invocation ends in exactly one accepted post, the handler
 * runs once per event, and the loop goes on (or, for the platform's own refusals, the runtime returns its exit
 * status). A watchdog fails any hang; nothing here times anything.
 */
class LoopFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WATCHDOG = Duration.ofSeconds(60);
    private static final Map<String, String> SEQUENTIAL = Map.of();
    private static final Map<String, String> CONCURRENT = Map.of("AWS_LAMBDA_MAX_CONCURRENCY", "2");

    @TempDir
    Path taskRoot;

    private FakeRuntimeApi api;

    @BeforeEach
    void startApi() throws Exception {
        api = FakeRuntimeApi.start();
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    private RuntimeUnderTest start(Map<String, String> env) {
        return RuntimeUnderTest.start(api, taskRoot, HostileHandler.class.getName(), env);
    }

    static Stream<Arguments> hostileHandlers() {
        String[] events = {"runtime", "error", "soe", "oom", "badMessage", "badCause", "badStackTrace",
            "badEverything", "cycle", "huge", "surrogate", "deep:900", "thread"};
        return Stream.of(events).flatMap(e -> Stream.of(Arguments.of(e, "sequential"), Arguments.of(e, "concurrent")));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("hostileHandlers")
    void everyHandlerFailureEndsInOneErrorPostAndTheLoopGoesOn(String event, String mode) {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            try (RuntimeUnderTest runtime = start(mode.equals("concurrent") ? CONCURRENT : SEQUENTIAL)) {
                Event failing = api.enqueue(event);
                RecordedPost post = api.takePost();
                assertThat(post.requestId()).isEqualTo(failing.requestId());
                assertThat(post.kind()).isEqualTo(RecordedPost.Kind.ERROR);
                assertThat(post.body().length).isLessThan(6 * 1024 * 1024);
                JsonNode body = JSON.readTree(post.body());
                assertThat(body.get("errorType").asText()).isNotEmpty();
                assertThat(body.get("errorMessage").asText()).isNotEmpty();
                if (post.header("Lambda-Runtime-Function-XRay-Error-Cause") != null) {
                    JSON.readTree(post.header("Lambda-Runtime-Function-XRay-Error-Cause"));
                }

                Event next = api.enqueue("ok:after " + event);
                RecordedPost answer = api.takePost();
                assertThat(answer.requestId()).isEqualTo(next.requestId());
                assertThat(answer.bodyText()).isEqualTo("after " + event);
                assertThat(api.acceptedPosts(failing.requestId())).isEqualTo(1);
                assertThat(api.postAttempts(failing.requestId())).isEqualTo(1);
                assertThat(HostileHandler.RUNS.get(failing.requestId()).get()).isEqualTo(1);
                if (mode.equals("concurrent")) {
                    // One loop answering the next event is not enough: the loop that failed must run too.
                    assertBothLoopsServeEvents();
                }
            }
        });
    }

    /**
     * Two events that can only end together: both answered {@code met} only when both loops take events. (Before
     * the fixes, a loop killed by a {@code StackOverflowError} left the other one to answer every later event.)
     */
    private void assertBothLoopsServeEvents() throws InterruptedException {
        String key = java.util.UUID.randomUUID().toString();
        Event a = api.enqueue("meet:" + key);
        Event b = api.enqueue("meet:" + key);
        List<RecordedPost> posts = List.of(api.takePost(), api.takePost());
        assertThat(posts).extracting(RecordedPost::requestId).containsExactlyInAnyOrder(a.requestId(), b.requestId());
        assertThat(posts).extracting(RecordedPost::bodyText).as("both loops serve events").containsOnly("met");
    }

    @Test
    void throwingGetMessageIsReportedUnderTheClassName() throws Exception {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            try (RuntimeUnderTest runtime = start(SEQUENTIAL)) {
                api.enqueue("badEverything");
                JsonNode body = JSON.readTree(api.takePost().body());
                assertThat(body.get("errorType").asText()).isEqualTo(HostileHandler.Failing.class.getName());
                assertThat(body.get("errorMessage").asText()).isEqualTo(HostileHandler.Failing.class.getName());
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ERROR_400", "ERROR_413"})
    void aRefusedErrorReportGoesAgainInItsSmallestFormAndTheHandlerRunsOnce(String refusal) {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            try (RuntimeUnderTest runtime = start(SEQUENTIAL)) {
                api.inject(Fault.valueOf(refusal));
                Event failing = api.enqueue("deep:900");
                RecordedPost full = api.takePost();
                assertThat(full.header("Lambda-Runtime-Function-XRay-Error-Cause")).isNotNull();
                RecordedPost minimal = api.takePost();
                assertThat(minimal.requestId()).isEqualTo(failing.requestId());
                assertThat(minimal.header("Lambda-Runtime-Function-XRay-Error-Cause")).isNull();
                assertThat(JSON.readTree(minimal.body()).get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
                assertThat(api.acceptedPosts(failing.requestId())).isEqualTo(1);

                Event next = api.enqueue("ok:fine");
                assertThat(api.takePost().requestId()).isEqualTo(next.requestId());
                assertThat(HostileHandler.RUNS.get(failing.requestId()).get()).isEqualTo(1);
                assertThat(api.deliveries()).isEqualTo(2);
            }
        });
    }

    @Test
    void anErrorReportRefusedTwiceIsGivenUpAndTheEventIsNotRunAgain() {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            try (RuntimeUnderTest runtime = start(SEQUENTIAL)) {
                api.inject(Fault.ERROR_400);
                api.inject(Fault.ERROR_400);
                Event failing = api.enqueue("runtime");
                api.takePost();
                api.takePost();
                Event next = api.enqueue("ok:fine");
                assertThat(api.takePost().requestId()).isEqualTo(next.requestId());
                assertThat(api.postAttempts(failing.requestId())).isEqualTo(2);
                assertThat(HostileHandler.RUNS.get(failing.requestId()).get()).isEqualTo(1);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST_DROP_AFTER_READ", "POST_RESET"})
    void aPostLostBeforeItsStatusLineIsSentAgain(String fault) {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            try (RuntimeUnderTest runtime = start(SEQUENTIAL)) {
                api.inject(Fault.valueOf(fault));
                Event event = api.enqueue("ok:twice");
                api.takePost();
                RecordedPost again = api.takePost();
                assertThat(again.bodyText()).isEqualTo("twice");
                assertThat(api.acceptedPosts(event.requestId())).isEqualTo(1);
                assertThat(HostileHandler.RUNS.get(event.requestId()).get()).isEqualTo(1);
                Event next = api.enqueue("ok:next");
                assertThat(api.takePost().requestId()).isEqualTo(next.requestId());
            }
        });
    }

    @Test
    void aPostWhoseStatusLineArrivedIsNeverSentAgain() {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            try (RuntimeUnderTest runtime = start(SEQUENTIAL)) {
                api.inject(Fault.POST_DROP_AFTER_STATUS);
                Event event = api.enqueue("ok:once");
                assertThat(api.takePost().bodyText()).isEqualTo("once");
                Event next = api.enqueue("ok:next");
                assertThat(api.takePost().requestId()).isEqualTo(next.requestId());
                assertThat(api.postAttempts(event.requestId())).isEqualTo(1);
                assertThat(api.acceptedPosts(event.requestId())).isEqualTo(1);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"NEXT_DROP_AFTER_REQUEST", "NEXT_SLOW_DRIP"})
    void nextIsServedDespiteADropBeforeTheAnswerOrASlowAnswer(String fault) {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            try (RuntimeUnderTest runtime = start(SEQUENTIAL)) {
                api.inject(Fault.valueOf(fault));
                Event event = api.enqueue("ok:served");
                RecordedPost post = api.takePost();
                assertThat(post.requestId()).isEqualTo(event.requestId());
                assertThat(post.bodyText()).isEqualTo("served");
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"NEXT_DROP_MID_HEAD", "NEXT_DROP_MID_BODY", "NEXT_WRONG_CONTENT_LENGTH", "NEXT_500", "NEXT_403"})
    void aBrokenOrRefusedNextEndsTheRuntimeWithoutAskingAgain(String fault) {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            RuntimeUnderTest runtime = start(SEQUENTIAL);
            api.inject(Fault.valueOf(fault));
            api.enqueue("ok:never");
            api.enqueue("ok:never either");
            assertThat(runtime.awaitExit(WATCHDOG)).isEqualTo(1);
            assertThat(api.nextCalls()).isEqualTo(1);
            assertThat(api.pendingPosts()).isEmpty();
        });
    }

    @Test
    void aLeakedOutputStreamCannotReachALaterResponse() {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            try (RuntimeUnderTest runtime = start(SEQUENTIAL)) {
                api.enqueue("leak");
                assertThat(api.takePost().bodyText()).isEqualTo("leaker");
                // A thread the handler left running writes between invocations: refused, the response was posted.
                assertThatThrownBy(() -> HostileHandler.writeToLeaked("LEAKED")).isInstanceOf(IOException.class);
                for (int i = 0; i < 3; i++) {
                    // ...and writes again while later invocations run on the same loop: never in their responses.
                    Event event = api.enqueue("writeLeaked:clean " + i);
                    RecordedPost post = api.takePost();
                    assertThat(post.requestId()).isEqualTo(event.requestId());
                    assertThat(post.bodyText()).isEqualTo("clean " + i);
                }
            }
        });
    }

    @Test
    void aStackOverflowInOneLoopLeavesTheOtherLoopsInvocationToFinish() {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            try (RuntimeUnderTest runtime = start(CONCURRENT)) {
                Event slow = api.enqueue("sleep:2000");
                Event overflow = api.enqueue("soe");
                RecordedPost first = api.takePost();
                RecordedPost second = api.takePost();
                assertThat(first.requestId()).isEqualTo(overflow.requestId());
                assertThat(first.kind()).isEqualTo(RecordedPost.Kind.ERROR);
                assertThat(second.requestId()).isEqualTo(slow.requestId());
                assertThat(second.bodyText()).isEqualTo("slept 2000");
                assertBothLoopsServeEvents();
            }
        });
    }

    @Test
    void aBrokenReportInEveryLoopLeavesEveryLoopRunning() {
        assertTimeoutPreemptively(WATCHDOG, () -> {
            try (RuntimeUnderTest runtime = start(CONCURRENT)) {
                Event x = api.enqueue("badEverything");
                Event y = api.enqueue("badEverything");
                assertThat(Stream.of(api.takePost(), api.takePost()).map(RecordedPost::requestId))
                        .containsExactlyInAnyOrder(x.requestId(), y.requestId());
                assertBothLoopsServeEvents();
            }
        });
    }
}
