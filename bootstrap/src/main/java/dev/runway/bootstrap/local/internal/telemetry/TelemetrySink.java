package dev.runway.bootstrap.local.internal.telemetry;

import java.util.Map;

/** Where the platform's telemetry goes: the Telemetry API's subscribers, a test's recorder, or nowhere. */
public interface TelemetrySink {

    /** Drops everything. */
    TelemetrySink NONE = new TelemetrySink() {
        @Override
        public boolean wants(String category) {
            return false;
        }

        @Override
        public void platform(String type, Map<String, Object> record) {}

        @Override
        public void log(String type, String line) {}
    };

    /**
     * Whether an event of this category would go anywhere now; when not, the caller need not build it.
     *
     * @param category {@code platform}, {@code function} or {@code extension}
     * @return true by default
     */
    default boolean wants(String category) {
        return true;
    }

    /**
     * A platform event.
     *
     * @param type such as {@code platform.start}
     * @param record its record
     */
    void platform(String type, Map<String, Object> record);

    /**
     * A log line of the function or of an extension.
     *
     * @param type {@code function} or {@code extension}
     * @param line the line
     */
    void log(String type, String line);
}
