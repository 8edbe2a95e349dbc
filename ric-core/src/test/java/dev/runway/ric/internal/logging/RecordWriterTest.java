package dev.runway.ric.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-21T08:15:30.123456Z");

    private final RecordingDestination destination = new RecordingDestination();
    private final RequestScopes scopes = new RequestScopes(false);

    private RecordWriter writer(LogFormat format) {
        return new RecordWriter(destination, destination, format, scopes, InstantSource.fixed(NOW));
    }

    @Test
    void textMessagesAreWrittenAsTheyAreWithTheLevelOnlyWhenTheCallerGaveOne() {
        RecordWriter writer = writer(LogFormat.TEXT);
        writer.text(LogLevel.INFO, 0, "plain\nsecond line", 17, Target.OUT);
        writer.text(LogLevel.WARN, RecordWriter.LEVELLED, "careful", 7, Target.OUT);
        writer.text(LogLevel.INFO, 0, "cut here\n", 8, Target.OUT);

        assertThat(destination.payloads()).containsExactly("plain\nsecond line", "[WARN] careful", "cut here");
        RecordingDestination.Frame first = destination.frames.get(0);
        assertThat(first.type()).isEqualTo(0xA55A000F);
        assertThat(first.length()).isEqualTo(17);
        assertThat(first.timestampMicros()).isEqualTo(1_795_248_930_123_456L);
        assertThat(destination.frames.get(1).type()).isEqualTo(0xA55A0013);
    }

    @Test
    void jsonMessagesHaveTheManagedRuntimesFieldsInUtc() throws Exception {
        RecordWriter writer = writer(LogFormat.JSON);
        writer.text(LogLevel.INFO, 0, "outside any invocation", 22, Target.OUT);
        RequestScope scope = scopes.open("req-1", "tenant-7");
        writer.text(LogLevel.ERROR, RecordWriter.LEVELLED, "in \"quotes\"\nand a newline", 25, Target.ERR);
        scopes.close(scope);

        JsonNode outside = JSON.readTree(destination.payloads().get(0));
        assertThat(fieldNames(outside)).containsExactly("timestamp", "level", "message");
        assertThat(outside.get("timestamp").asText()).isEqualTo("2026-11-21T08:15:30.123Z");
        assertThat(outside.get("level").asText()).isEqualTo("INFO");

        JsonNode inside = JSON.readTree(destination.payloads().get(1));
        assertThat(fieldNames(inside)).containsExactly("timestamp", "level", "message", "AWSRequestId", "tenantId");
        assertThat(inside.get("message").asText()).isEqualTo("in \"quotes\"\nand a newline");
        assertThat(inside.get("AWSRequestId").asText()).isEqualTo("req-1");
        assertThat(inside.get("tenantId").asText()).isEqualTo("tenant-7");
        assertThat(destination.frames.get(1).type()).isEqualTo(0xA55A0016);
    }

    @Test
    void jsonObjectsGoThroughWhenTheCallerAllowsIt() throws Exception {
        RecordWriter writer = writer(LogFormat.JSON);
        String object = "{\"level\":\"WARN\",\"msg\":\"from Powertools\"}";
        writer.text(LogLevel.WARN, RecordWriter.PASS_JSON, object, object.length(), Target.OUT);
        writer.text(LogLevel.INFO, 0, object, object.length(), Target.OUT);
        byte[] bytes = object.getBytes(StandardCharsets.UTF_8);
        writer.bytes(LogLevel.WARN, RecordWriter.PASS_JSON, bytes, 0, bytes.length, Target.OUT);
        byte[] text = "not json".getBytes(StandardCharsets.UTF_8);
        writer.bytes(LogLevel.INFO, RecordWriter.PASS_JSON, text, 0, text.length, Target.OUT);

        assertThat(destination.payloads().get(0)).isEqualTo(object);
        assertThat(JSON.readTree(destination.payloads().get(1)).get("message").asText()).isEqualTo(object);
        assertThat(destination.payloads().get(2)).isEqualTo(object);
        assertThat(JSON.readTree(destination.payloads().get(3)).get("message").asText()).isEqualTo("not json");
    }

    @Test
    void eventsCarryLoggerErrorAndFields() throws Exception {
        RecordWriter writer = writer(LogFormat.JSON);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("orderId", "o-42");
        fields.put("attempt", 3);
        fields.put("retry", true);
        fields.put("level", "must not replace the level");
        RequestScope scope = scopes.open("req-2", null);
        IllegalStateException failure = userException(new IllegalStateException("cannot price", userException(new NumberFormatException("x"))));
        writer.event(LogLevel.ERROR, "com.example.Orders", "pricing failed", ThrowableText.of(failure), fields, Target.OUT);
        scopes.close(scope);

        JsonNode record = JSON.readTree(destination.payloads().get(0));
        assertThat(fieldNames(record)).containsExactly("timestamp", "level", "message", "logger", "AWSRequestId",
                "errorType", "errorMessage", "stackTrace", "orderId", "attempt", "retry");
        assertThat(record.get("level").asText()).isEqualTo("ERROR");
        assertThat(record.get("logger").asText()).isEqualTo("com.example.Orders");
        assertThat(record.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(record.get("errorMessage").asText()).isEqualTo("cannot price");
        assertThat(record.get("stackTrace").get(0).asText()).isEqualTo("com.example.Orders.price(Orders.java:42)");
        assertThat(record.get("stackTrace").toString()).contains("Caused by: java.lang.NumberFormatException: x");
        assertThat(record.get("attempt").isInt()).isTrue();
        assertThat(record.get("retry").isBoolean()).isTrue();
    }

    @Test
    void textEventsNameTheRequestAndTheLoggerAndEndWithTheTrace() {
        RecordWriter writer = writer(LogFormat.TEXT);
        writer.event(LogLevel.DEBUG, "com.example.Init", "warming up", null, null, Target.OUT);
        RequestScope scope = scopes.open("req-3", null);
        writer.event(LogLevel.WARN, "com.example.Orders", "slow", ThrowableText.of(new RuntimeException("late")), null,
                Target.OUT);
        scopes.close(scope);

        assertThat(destination.payloads().get(0)).isEqualTo("[DEBUG] com.example.Init - warming up");
        assertThat(destination.payloads().get(1)).startsWith("[WARN] req-3 com.example.Orders - slow\n"
                + "java.lang.RuntimeException: late\n\tat " + RecordWriterTest.class.getName());
    }

    @Test
    void aPrintedStackTraceIsOneRecordWithThePrefixInBothFormats() throws Exception {
        ThrowableText trace = ThrowableText.of(userException(new IllegalArgumentException("bad input")));
        writer(LogFormat.TEXT).trace(LogLevel.ERROR, "Exception in thread \"worker\" ", trace, Target.ERR);
        writer(LogFormat.JSON).trace(LogLevel.ERROR, "Exception in thread \"worker\" ", trace, Target.ERR);

        assertThat(destination.payloads().get(0)).startsWith(
                "Exception in thread \"worker\" java.lang.IllegalArgumentException: bad input\n\tat ");
        JsonNode record = JSON.readTree(destination.payloads().get(1));
        assertThat(record.get("message").asText())
                .isEqualTo("Exception in thread \"worker\" java.lang.IllegalArgumentException: bad input");
        assertThat(record.get("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(record.get("stackTrace").size()).isPositive();
    }

    @Test
    void aFailedDescriptorSendsThisAndLaterRecordsToTheFallback() {
        RecordingDestination fallback = new RecordingDestination();
        Destination broken = (record, type, micros, target) -> {
            throw new java.io.IOException("Broken pipe");
        };
        RecordWriter writer = new RecordWriter(broken, fallback, LogFormat.TEXT, scopes, InstantSource.fixed(NOW));
        writer.text(LogLevel.INFO, 0, "first", 5, Target.OUT);
        writer.text(LogLevel.INFO, 0, "second", 6, Target.OUT);

        assertThat(fallback.payloads()).hasSize(3);
        assertThat(fallback.payloads().get(0)).contains("telemetry log descriptor failed", "Broken pipe");
        assertThat(fallback.payloads().subList(1, 3)).containsExactly("first", "second");
    }

    /** Frames of function code: the report leaves out frames of the runtime, which this test's own are. */
    private static <T extends Throwable> T userException(T failure) {
        failure.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.example.Orders", "price", "Orders.java", 42),
            new StackTraceElement("com.example.Handler", "handleRequest", "Handler.java", 7)});
        return failure;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
