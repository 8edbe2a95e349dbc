package dev.runway.ric.internal.logging;

import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;

/**
 * The first word of a telemetry frame header: {@code 0xA55A0000 | level << 2 | 1 << 1 | format}, where the level
 * is the {@code LogLevel} ordinal the platform expects (TRACE 1 to FATAL 6), bit 1 says a timestamp follows,
 * and the format bit is 0 for JSON and 1 for text.
 *
 * <pre>
 *  0               4               8                              16
 *  +---------------+---------------+------------------------------+-----------------+
 *  | type (uint32) | length (u32)  | timestamp, µs since epoch    | payload (length) |
 *  +---------------+---------------+------------------------------+-----------------+
 *  all big-endian
 * </pre>
 */
final class FrameType {

    static final int MAGIC = 0xA55A0000;
    static final int TIMESTAMP_PRESENT = 1 << 1;

    private static final int[][] TYPES = new int[LogLevel.values().length][LogFormat.values().length];

    static {
        for (LogLevel level : LogLevel.values()) {
            for (LogFormat format : LogFormat.values()) {
                TYPES[level.ordinal()][format.ordinal()] = MAGIC | levelBits(level) << 2 | TIMESTAMP_PRESENT
                        | (format == LogFormat.TEXT ? 1 : 0);
            }
        }
    }

    private FrameType() {}

    /** @return the type word of a record of this level in this format */
    static int of(LogLevel level, LogFormat format) {
        return TYPES[level.ordinal()][format.ordinal()];
    }

    /** The platform's numbering, spelled out rather than trusting the enum's declaration order. */
    private static int levelBits(LogLevel level) {
        return switch (level) {
            case UNDEFINED -> 0;
            case TRACE -> 1;
            case DEBUG -> 2;
            case INFO -> 3;
            case WARN -> 4;
            case ERROR -> 5;
            case FATAL -> 6;
        };
    }
}
