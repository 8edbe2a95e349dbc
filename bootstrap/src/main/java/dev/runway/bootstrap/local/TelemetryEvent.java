package dev.runway.bootstrap.local;

/**
 * One Telemetry API event, as subscribers receive it.
 *
 * @param time when it happened, ISO-8601
 * @param type such as {@code platform.start}, {@code function} or {@code extension}
 * @param record its record: a map for platform events, the line for logs
 */
public record TelemetryEvent(String time, String type, Object record) {}
