package dev.runway.extensions.telemetry;

import java.util.List;

/**
 * Handles batches of telemetry, on the subscriber's own thread, in arrival order. The platform's POST is
 * acknowledged as soon as its events are queued, not when they are processed, so a slow processor never makes
 * the platform drop events; the subscriber's own queue drops (and counts) instead when it is full.
 */
@FunctionalInterface
public interface TelemetryProcessor {

    /**
     * @param batch one or more events
     * @throws Exception logged; the subscriber goes on with the next batch
     */
    void process(List<TelemetryEvent> batch) throws Exception;
}
