package dev.runway.slf4j;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.runway.ric.logging.RunwayLogging;
import java.util.Map;

/** Runway's log path. Loaded only once {@link Backend#detect()} has found it. */
final class RuntimeBackend implements Backend {

    @Override
    public boolean isEnabled(LogLevel level) {
        return RunwayLogging.isEnabled(level);
    }

    @Override
    public void log(LogLevel level, String logger, String message, Throwable error, Map<String, ?> fields) {
        RunwayLogging.log(level, logger, message, error, fields);
    }
}
