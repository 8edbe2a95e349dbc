package dev.runway.ric.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.ric.testing.ChildRuntime;
import dev.runway.ric.testing.Event;
import dev.runway.ric.testing.FakeRuntimeApi;
import dev.runway.ric.testing.RecordedPost;
import dev.runway.ric.testing.TelemetryFrames;
import dev.runway.ric.testing.TelemetryFrames.Frame;
import dev.runway.ric.testing.handlers.LoggingHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime in a child JVM, its descriptor 3 a real pipe (a FIFO) read as the platform reads it: every path
 * that logs, in both formats, with levels, exceptions, threads and concurrent invocations.
 */
class TelemetryLogIT {

    /** As {@code bootstrap} starts functions. */
    private static final List<String> ADD_OPENS = List.of("--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");

    @TempDir
    Path dir;

    private FakeRuntimeApi api;
    private TelemetryFrames frames;
    private ChildRuntime runtime;

    @BeforeEach
    void setUp() throws Exception {
        api = FakeRuntimeApi.start();
        frames = TelemetryFrames.create(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        api.close();
        if (runtime != null) {
            runtime.close();
            System.out.println(runtime.output());
        }
        frames.close();
    }

    private void start(Map<String, String> env) throws Exception {
        start(env, ADD_OPENS);
    }

    private void start(Map<String, String> env, List<String> jvmFlags) throws Exception {
        runtime = ChildRuntime.start(ChildRuntime.Kind.RUNWAY, api, frames, dir, LoggingHandler.class.getName(), env, jvmFlags);
    }

    /** Invokes the scenario and returns its frames, up to its END record. */
    private List<Frame> invoke(String scenario) throws Exception {
        Event event = api.enqueue(scenario);
        List<Frame> taken = frames.untilPayloadContains("END " + scenario);
        RecordedPost post = api.takePost();
        assertThat(post.requestId()).isEqualTo(event.requestId());
        assertThat(post.bodyText()).as(runtime.output()).isEqualTo("done " + scenario);
        return taken.subList(0, taken.size() - 1);
    }

    private static List<String> payloads(List<Frame> frames) {
        return frames.stream().map(Frame::payload).toList();
    }

    @Test
    void lambdaLoggerTextRecordsAreOneFrameEachWithTheirLevel() throws Exception {
        start(Map.of());
        List<Frame> taken = invoke("lambda-logger");

        assertThat(payloads(taken)).containsExactly("plain message", "first line\nsecond line\n\tindented third",
                "[TRACE] trace detail", "[DEBUG] debug detail", "[INFO] info detail", "[WARN] warn detail",
                "[ERROR] error detail", "undefined level", "bytes message", "[WARN] through LambdaRuntime");
        assertThat(taken).extracting(Frame::level).containsExactly(LogLevel.INFO, LogLevel.INFO, LogLevel.TRACE,
                LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR, LogLevel.INFO, LogLevel.INFO, LogLevel.WARN);
        assertThat(taken).allSatisfy(frame -> assertThat(frame.format()).isEqualTo(LogFormat.TEXT));
    }

    @Test
    void aProcessThatLogsALotKeepsEveryFrameWholeAndInOrder() throws Exception {
        start(Map.of());
        List<Frame> taken = invoke("many");

        assertThat(taken).hasSize(12_000);
        List<String> main = payloads(taken).stream().filter(p -> p.startsWith("[INFO] main ")).toList();
        List<String> other = payloads(taken).stream().filter(p -> p.startsWith("other ")).toList();
        for (int i = 0; i < 6_000; i++) {
            assertThat(main.get(i)).isEqualTo("[INFO] main " + i + "\nits second line");
            assertThat(other.get(i)).isEqualTo("other " + i + "\nits second line");
        }
    }

    @Test
    void levelledLambdaLoggerFramesAreByteForByteTheOfficialRuntimes() throws Exception {
        runtime = ChildRuntime.start(ChildRuntime.Kind.OFFICIAL, api, frames, dir, LoggingHandler.class.getName(),
                Map.of(), ADD_OPENS);
        List<Frame> official = invoke("lambda-logger");
        runtime.close();
        api.close();
        frames.close();
        api = FakeRuntimeApi.start();
        frames = TelemetryFrames.create(dir.resolve("runway-side"));
        start(Map.of());
        List<Frame> runway = invoke("lambda-logger");

        assertThat(runway).hasSameSizeAs(official);
        for (int i = 0; i < official.size(); i++) {
            Frame theirs = official.get(i);
            Frame ours = runway.get(i);
            assertThat(ours.payload()).isEqualTo(theirs.payload());
            if (theirs.level() == LogLevel.UNDEFINED) {
                // The one deliberate difference: a record without a level is INFO, never UNDEFINED.
                assertThat(ours.level()).as(ours.payload()).isEqualTo(LogLevel.INFO);
            } else {
                assertThat(ours.type()).as(ours.payload()).isEqualTo(theirs.type());
            }
        }
    }

    @Test
    void systemOutAndErrRecordsKeepTheirLinesTogether() throws Exception {
        start(Map.of());
        List<Frame> taken = invoke("system-out");

        assertThat(payloads(taken)).containsExactly("out first\nout second", "partial 42 joined", "formatted line",
                "err first\nerr second", "caf\u00e9 \u4e2d\u6587 \ud83d\ude00");
        assertThat(taken).extracting(Frame::level).containsExactly(LogLevel.INFO, LogLevel.INFO, LogLevel.INFO,
                LogLevel.ERROR, LogLevel.INFO);
    }

    @Test
    void aPrintedStackTraceIsOneFrame() throws Exception {
        start(Map.of());
        List<Frame> taken = invoke("stack-trace");

        assertThat(taken).hasSize(2);
        String trace = taken.get(0).payload();
        assertThat(trace).startsWith("java.lang.IllegalStateException: outer failure\n\tat " + LoggingHandler.class.getName())
                .contains("\tSuppressed: java.lang.RuntimeException: suppressed one\n",
                        "\nCaused by: java.lang.IllegalArgumentException: inner cause\n")
                .doesNotEndWith("\n");
        assertThat(taken.get(0).level()).isEqualTo(LogLevel.ERROR);
        assertThat(taken.get(1).payload()).isEqualTo("after the trace");
    }

    @Test
    void anUncaughtExceptionOnAThreadIsOneFrameWithTheJdksPrefix() throws Exception {
        start(Map.of());
        List<Frame> taken = invoke("uncaught");

        assertThat(taken).hasSize(1);
        assertThat(taken.get(0).payload()).startsWith("Exception in thread \"worker-7\" "
                + "java.lang.UnsupportedOperationException: uncaught in worker\n\tat ");
    }

    @Test
    void jsonRecordsHaveTheManagedRuntimesFieldsAndTheRequestId() throws Exception {
        start(Map.of("AWS_LAMBDA_LOG_FORMAT", "JSON"));
        Event event = api.enqueue(Event.of("lambda-logger").withHeader("Lambda-Runtime-Aws-Tenant-Id", "tenant-9"));
        List<Frame> taken = frames.untilPayloadContains("END lambda-logger");
        api.takePost();

        assertThat(taken).allSatisfy(frame -> {
            assertThat(frame.format()).isEqualTo(LogFormat.JSON);
            JsonNode record = frame.json();
            assertThat(record.get("AWSRequestId").asText()).isEqualTo(event.requestId());
            assertThat(record.get("tenantId").asText()).isEqualTo("tenant-9");
            assertThat(record.get("level").asText()).isEqualTo(frame.level().name()).isNotEqualTo("UNDEFINED");
            Instant timestamp = Instant.parse(record.get("timestamp").asText());
            assertThat(record.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            // The JSON time is the frame's, in UTC, cut to milliseconds.
            assertThat(timestamp).isEqualTo(Instant.EPOCH.plus(frame.timestampMicros(), ChronoUnit.MICROS)
                    .truncatedTo(ChronoUnit.MILLIS));
        });
        assertThat(taken.get(1).json().get("message").asText()).isEqualTo("first line\nsecond line\n\tindented third");
        assertThat(taken.get(0).json().get("level").asText()).isEqualTo("INFO");
        assertThat(taken.get(7).json().get("message").asText()).isEqualTo("undefined level");
        assertThat(taken.get(7).json().get("level").asText()).isEqualTo("INFO");
    }

    @Test
    void jsonStackTracesCarryTheErrorFields() throws Exception {
        start(Map.of("AWS_LAMBDA_LOG_FORMAT", "json"));
        List<Frame> taken = invoke("stack-trace");

        JsonNode trace = taken.get(0).json();
        assertThat(trace.get("level").asText()).isEqualTo("ERROR");
        assertThat(trace.get("message").asText()).isEqualTo("java.lang.IllegalStateException: outer failure");
        assertThat(trace.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(trace.get("errorMessage").asText()).isEqualTo("outer failure");
        assertThat(trace.get("stackTrace").get(0).asText()).startsWith(LoggingHandler.class.getName() + ".run(");
        assertThat(trace.get("stackTrace").toString()).contains("Caused by: java.lang.IllegalArgumentException: inner cause");
    }

    @Test
    void aHandlerFailureIsLoggedAsOneErrorRecordOfItsInvocationAfterItsOutput() throws Exception {
        start(Map.of("AWS_LAMBDA_LOG_FORMAT", "JSON"));
        Event event = api.enqueue("fail");
        List<Frame> taken = frames.untilPayloadContains("failed");
        assertThat(api.takePost().kind()).isEqualTo(RecordedPost.Kind.ERROR);

        assertThat(taken).hasSize(2);
        assertThat(taken.get(0).json().get("message").asText()).isEqualTo("unfinished before failing");
        JsonNode failure = taken.get(1).json();
        assertThat(failure.get("level").asText()).isEqualTo("ERROR");
        assertThat(failure.get("AWSRequestId").asText()).isEqualTo(event.requestId());
        assertThat(failure.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(failure.get("errorMessage").asText()).isEqualTo("handler failed");
        assertThat(failure.get("stackTrace").toString()).contains("Caused by: java.lang.RuntimeException: root cause");
        assertThat(taken.get(0).json().get("AWSRequestId").asText()).isEqualTo(event.requestId());
    }

    @Test
    void levelsFilterEveryPathAndUnlevelledOutputHasAFixedLevel() throws Exception {
        start(Map.of("AWS_LAMBDA_LOG_FORMAT", "JSON", "AWS_LAMBDA_LOG_LEVEL", "warn"));
        List<Frame> taken = invoke("levels");

        List<String> kept = new ArrayList<>();
        for (Frame frame : taken) {
            kept.add(frame.level() + " " + frame.json().get("message").asText());
        }
        // UNDEFINED is the un-levelled INFO; stdout is INFO, stderr ERROR; a JSON line keeps its own level.
        assertThat(kept).containsExactly("WARN logger WARN", "ERROR logger ERROR", "FATAL logger FATAL",
                "ERROR stderr line", "ERROR json line on stdout");
        assertThat(taken.get(4).payload()).isEqualTo("{\"level\":\"ERROR\",\"message\":\"json line on stdout\"}");
    }

    @Test
    void outputOfAThreadStartedDuringTheInvocationCarriesItsRequestId() throws Exception {
        start(Map.of("AWS_LAMBDA_LOG_FORMAT", "JSON"));
        Event event = api.enqueue("child-thread");
        List<Frame> taken = frames.untilPayloadContains("END child-thread");
        api.takePost();

        assertThat(taken.get(0).json().get("message").asText()).isEqualTo("from a child thread of " + event.requestId());
        assertThat(taken.get(0).json().get("AWSRequestId").asText()).isEqualTo(event.requestId());
    }

    @Test
    void outputOfABackgroundThreadAfterItsInvocationIsWrittenWithoutAnyRequestId() throws Exception {
        start(Map.of("AWS_LAMBDA_LOG_FORMAT", "JSON"));
        invoke("background-start");
        Event second = api.enqueue("background-release");
        List<Frame> taken = frames.untilPayloadContains("END background-release");
        api.takePost();

        assertThat(taken).hasSize(2);
        JsonNode late = taken.get(0).json();
        assertThat(late.get("message").asText()).isEqualTo("background after its invocation returned");
        assertThat(late.has("AWSRequestId")).as("neither the ended invocation nor " + second.requestId()).isFalse();
        assertThat(taken.get(1).json().get("AWSRequestId").asText()).isEqualTo(second.requestId());
    }

    @Test
    void concurrentInvocationsEachNameTheirOwnRequest() throws Exception {
        start(Map.of("AWS_LAMBDA_LOG_FORMAT", "JSON", "AWS_LAMBDA_MAX_CONCURRENCY", "4"));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            ids.add(api.enqueue("concurrent").requestId());
        }
        Map<String, List<String>> messagesById = new HashMap<>();
        int ends = 0;
        while (ends < 4) {
            Frame frame = frames.next(Duration.ofSeconds(60));
            JsonNode record = frame.json();
            String message = record.get("message").asText();
            if (message.equals("END concurrent")) {
                ends++;
                continue;
            }
            String id = record.get("AWSRequestId").asText();
            assertThat(message).as("a record names the request it was written for").contains(id);
            messagesById.computeIfAbsent(id, k -> new ArrayList<>()).add(message);
        }
        for (int i = 0; i < 4; i++) {
            assertThat(api.takePost().kind()).isEqualTo(RecordedPost.Kind.RESPONSE);
        }
        assertThat(messagesById.keySet()).isEqualTo(ids);
        messagesById.forEach((id, messages) -> assertThat(messages)
                .containsExactly("start " + id, "middle " + id + "\nsecond line of " + id, "end " + id));
    }

    @Test
    void withoutAddOpensTheDescriptorIsReachedThroughProc() throws Exception {
        start(Map.of(), List.of());
        assertThat(payloads(invoke("system-out"))).contains("out first\nout second");
    }

    @Test
    void withoutADescriptorRecordsAreLinesOnStandardOutputAndError() throws Exception {
        runtime = ChildRuntime.start(ChildRuntime.Kind.RUNWAY, api, null, dir, LoggingHandler.class.getName(),
                Map.of("AWS_LAMBDA_LOG_FORMAT", "JSON"), ADD_OPENS);
        Event event = api.enqueue("system-out");
        api.takePost();
        frames.close();

        List<String> out = runtime.stdout().lines().toList();
        assertThat(out).hasSize(5);
        assertThat(out).allSatisfy(line -> assertThat(line).contains("\"AWSRequestId\":\"" + event.requestId() + "\""));
        assertThat(out.get(0)).contains("\"message\":\"out first\\nout second\"");
        assertThat(runtime.stderr()).contains("\"level\":\"ERROR\",\"message\":\"err first\\nerr second\"");
    }
}
