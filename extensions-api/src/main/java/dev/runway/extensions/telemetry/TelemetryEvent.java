package dev.runway.extensions.telemetry;

import dev.runway.wire.internal.json.JsonReader;
import dev.runway.wire.internal.json.JsonWriter;
import java.util.Map;

/**
 * One event from the platform: {@code {"time":..., "type":..., "record":...}}. The types a subscriber acts on
 * are records of their own; every other type (new ones included) is an {@link Other} that keeps its JSON, so a
 * new schema version never breaks a subscriber. Each event also keeps its JSON text in {@link #json()}, as sent.
 */
public sealed interface TelemetryEvent
        permits TelemetryEvent.Start, TelemetryEvent.RuntimeDone, TelemetryEvent.Report, TelemetryEvent.Log,
                TelemetryEvent.Other {

    /** @return the event's time, as the platform wrote it (ISO-8601) */
    String time();

    /** @return the event's type, such as {@code platform.start} or {@code function} */
    String type();

    /** @return the event's JSON text, as received */
    String json();

    /**
     * {@code platform.start}: an invocation starts.
     *
     * @param time the time
     * @param requestId the request id
     * @param version the function version, may be {@code null}
     * @param json the JSON text
     */
    record Start(String time, String requestId, String version, String json) implements TelemetryEvent {
        @Override
        public String type() {
            return "platform.start";
        }
    }

    /**
     * {@code platform.runtimeDone}: the runtime finished the invocation (its response is posted).
     *
     * @param time the time
     * @param requestId the request id
     * @param status {@code success}, {@code error}, {@code timeout} or {@code failure}
     * @param json the JSON text
     */
    record RuntimeDone(String time, String requestId, String status, String json) implements TelemetryEvent {
        @Override
        public String type() {
            return "platform.runtimeDone";
        }
    }

    /**
     * {@code platform.report}: an invocation's metrics; usually comes during the next invocation, or at shutdown.
     *
     * @param time the time
     * @param requestId the request id
     * @param status the invocation's status
     * @param durationMs the duration, or {@code NaN} when absent
     * @param json the JSON text
     */
    record Report(String time, String requestId, String status, double durationMs, String json) implements TelemetryEvent {
        @Override
        public String type() {
            return "platform.report";
        }
    }

    /**
     * A log line of the function ({@code function}) or of an extension ({@code extension}).
     *
     * @param time the time
     * @param type {@code function} or {@code extension}
     * @param message the line, or the JSON text of a structured (JSON format) record
     * @param json the JSON text
     */
    record Log(String time, String type, String message, String json) implements TelemetryEvent {}

    /**
     * Any other type: {@code platform.initStart}, {@code platform.extension}, {@code platform.logsDropped}, ...
     *
     * @param time the time
     * @param type the type
     * @param json the JSON text
     */
    record Other(String time, String type, String json) implements TelemetryEvent {}

    /**
     * @param json one event's JSON text
     * @return the typed event
     * @throws IllegalArgumentException when it is not a JSON object
     */
    static TelemetryEvent parse(String json) {
        if (!(JsonReader.parse(json) instanceof Map<?, ?> event)) {
            throw new IllegalArgumentException("a telemetry event is a JSON object: " + json);
        }
        String time = string(event.get("time"));
        String type = string(event.get("type"));
        Object record = event.get("record");
        Map<?, ?> fields = record instanceof Map<?, ?> map ? map : Map.of();
        if (type == null) {
            return new Other(time, "", json);
        }
        switch (type) {
            case "platform.start":
                return new Start(time, string(fields.get("requestId")), string(fields.get("version")), json);
            case "platform.runtimeDone":
                return new RuntimeDone(time, string(fields.get("requestId")), string(fields.get("status")), json);
            case "platform.report":
                double duration = fields.get("metrics") instanceof Map<?, ?> metrics
                        && metrics.get("durationMs") instanceof Number n ? n.doubleValue() : Double.NaN;
                return new Report(time, string(fields.get("requestId")), string(fields.get("status")), duration, json);
            case "function":
            case "extension":
                return new Log(time, type, record instanceof String s ? s : JsonWriter.write(record), json);
            default:
                return new Other(time, type, json);
        }
    }

    private static String string(Object value) {
        return value instanceof String s ? s : null;
    }
}
