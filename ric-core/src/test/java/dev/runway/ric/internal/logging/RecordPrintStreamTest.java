package dev.runway.ric.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordPrintStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingDestination destination = new RecordingDestination();

    private RecordPrintStream stream(LogFormat format, LogLevel level, LogLevel threshold) {
        RecordWriter writer = new RecordWriter(destination, destination, format, new RequestScopes(false), Clock.systemUTC());
        return new RecordPrintStream(writer, level, threshold, level == LogLevel.ERROR ? Target.ERR : Target.OUT);
    }

    private RecordPrintStream out() {
        return stream(LogFormat.TEXT, LogLevel.INFO, LogLevel.TRACE);
    }

    @Test
    void printlnEndsARecordWhateverNewlinesItsTextHolds() {
        RecordPrintStream out = out();
        out.println("first line\nsecond line\n  third");
        out.println("after\n");
        out.println();
        out.println(42);
        assertThat(destination.payloads()).containsExactly("first line\nsecond line\n  third", "after\n", "", "42");
    }

    @Test
    void printedPiecesJoinTheRecordThatAPrintlnOrATerminatorEnds() {
        RecordPrintStream out = out();
        out.print("total: ");
        out.print(3);
        out.print('/');
        out.println(4.5);
        out.print("a\nb");
        out.print(" c\n");
        out.printf("%s=%d%n", "x", 1);
        out.append("appended").append('\n');
        assertThat(destination.payloads()).containsExactly("total: 3/4.5", "a\nb c", "x=1", "appended");
    }

    @Test
    void bytesEndARecordWhenAWriteEndsWithATerminator() {
        RecordPrintStream out = out();
        byte[] event = "12:00 INFO handler - multi\n\tline event\r\n".getBytes(StandardCharsets.UTF_8);
        out.write(event, 0, event.length);
        out.write('p');
        out.write('q');
        out.write('\n');
        byte[] half = "caf\u00e9 ".getBytes(StandardCharsets.UTF_8);
        out.write(half, 0, half.length);
        out.writeBytes("done\n".getBytes(StandardCharsets.UTF_8));
        assertThat(destination.payloads()).containsExactly("12:00 INFO handler - multi\n\tline event", "pq", "caf\u00e9 done");
    }

    @Test
    void unfinishedTextWaitsForFlushThread() {
        RecordPrintStream out = out();
        out.print("no newline yet");
        out.flush();
        assertThat(destination.payloads()).isEmpty();
        out.flushThread();
        assertThat(destination.payloads()).containsExactly("no newline yet");
    }

    @Test
    void unfinishedTextOfOtherThreadsIsWrittenByFlushAll() throws Exception {
        RecordPrintStream out = out();
        Thread other = new Thread(() -> out.print("left behind"));
        other.start();
        other.join();
        out.flushThread();
        assertThat(destination.payloads()).isEmpty();
        out.flushAll();
        assertThat(destination.payloads()).containsExactly("left behind");
    }

    @Test
    void printStackTraceIsOneRecordWithCausesAndSuppressed() {
        RecordPrintStream err = stream(LogFormat.TEXT, LogLevel.ERROR, LogLevel.TRACE);
        IllegalStateException failure = new IllegalStateException("outer", new IllegalArgumentException("inner"));
        failure.addSuppressed(new RuntimeException("suppressed"));
        failure.printStackTrace(err);
        err.println("next line");

        assertThat(destination.payloads()).hasSize(2);
        String trace = destination.payloads().get(0);
        assertThat(trace).startsWith("java.lang.IllegalStateException: outer\n\tat ")
                .contains("\tSuppressed: java.lang.RuntimeException: suppressed", "Caused by: java.lang.IllegalArgumentException: inner");
        assertThat(trace).isEqualTo(printed(failure));
        assertThat(destination.frames.get(0).type()).isEqualTo(0xA55A0017);
        assertThat(destination.payloads().get(1)).isEqualTo("next line");
    }

    @Test
    void theJdksUncaughtExceptionMessageIsOneRecordWithItsPrefix() throws Exception {
        RecordPrintStream err = stream(LogFormat.TEXT, LogLevel.ERROR, LogLevel.TRACE);
        RuntimeException failure = new RuntimeException("boom");
        Thread thread = new Thread(() -> {
            throw failure;
        }, "worker-1");
        thread.setUncaughtExceptionHandler(null);
        // What ThreadGroup.uncaughtException prints, to this stream instead of System.err.
        err.print("Exception in thread \"" + thread.getName() + "\" ");
        failure.printStackTrace(err);
        assertThat(destination.payloads()).containsExactly("Exception in thread \"worker-1\" " + printed(failure));
    }

    @Test
    void printingAThrowableWithPrintlnIsJustItsToString() {
        RecordPrintStream err = stream(LogFormat.TEXT, LogLevel.ERROR, LogLevel.TRACE);
        RuntimeException failure = new RuntimeException("only the message");
        err.println(failure);
        err.println((Object) "\tat not.a.Frame(Frame.java:1)");
        assertThat(destination.payloads()).containsExactly(failure.toString(), "\tat not.a.Frame(Frame.java:1)");
    }

    @Test
    void theSameTraceTwiceIsTwoRecords() {
        RecordPrintStream err = stream(LogFormat.TEXT, LogLevel.ERROR, LogLevel.TRACE);
        RuntimeException failure = new RuntimeException("twice");
        failure.printStackTrace(err);
        failure.printStackTrace(err);
        assertThat(destination.payloads()).containsExactly(printed(failure), printed(failure));
    }

    @Test
    void jsonWrapsTextAndPassesJsonObjectsAtTheirOwnLevel() throws Exception {
        RecordPrintStream out = stream(LogFormat.JSON, LogLevel.INFO, LogLevel.WARN);
        out.println("dropped: INFO is below WARN");
        out.println("{\"level\":\"ERROR\",\"message\":\"from a JSON layout\"}");
        out.println("{\"level\":\"DEBUG\",\"message\":\"dropped too\"}");
        assertThat(destination.payloads()).containsExactly("{\"level\":\"ERROR\",\"message\":\"from a JSON layout\"}");
        assertThat(destination.frames.get(0).type()).isEqualTo(0xA55A0016);

        RecordPrintStream err = stream(LogFormat.JSON, LogLevel.ERROR, LogLevel.WARN);
        err.println("an error\nover two lines");
        JsonNode record = JSON.readTree(destination.payloads().get(1));
        assertThat(record.get("level").asText()).isEqualTo("ERROR");
        assertThat(record.get("message").asText()).isEqualTo("an error\nover two lines");
    }

    @Test
    void threadsPrintingAtOnceNeverMixTheirRecords() throws Exception {
        RecordPrintStream out = out();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    out.print("thread " + id + " ");
                    out.print("line " + i + "\nsecond half");
                    out.println(" end " + id);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(destination.payloads()).hasSize(2000).allSatisfy(record ->
                assertThat(record).matches("thread (\\d) line \\d+\nsecond half end \\1"));
    }

    private static String printed(Throwable failure) {
        java.io.StringWriter text = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(text));
        return text.toString().stripTrailing();
    }
}
