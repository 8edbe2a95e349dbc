package dev.runway.ric.internal.logging;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import org.slf4j.event.Level;

/** SLF4J's levels as Lambda's. SLF4J has no FATAL. */
final class LevelMapping {

    private LevelMapping() {}

    static LogLevel of(Level level) {
        return switch (level) {
            case TRACE -> LogLevel.TRACE;
            case DEBUG -> LogLevel.DEBUG;
            case INFO -> LogLevel.INFO;
            case WARN -> LogLevel.WARN;
            case ERROR -> LogLevel.ERROR;
        };
    }
}
