package dev.runway.slf4j;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.PrintStream;
import java.util.Map;

/**
 * Outside Runway: {@code [LEVEL] logger - message} on standard error, INFO and above, like slf4j-simple, so that
 * a function's unit tests still show its logs.
 */
final class StandardErrorBackend implements Backend {

    @Override
    public boolean isEnabled(LogLevel level) {
        return level.ordinal() >= LogLevel.INFO.ordinal();
    }

    @Override
    public void log(LogLevel level, String logger, String message, Throwable error, Map<String, ?> fields) {
        if (!isEnabled(level)) {
            return;
        }
        PrintStream err = System.err;
        StringBuilder line = new StringBuilder(64).append('[').append(level).append("] ").append(logger).append(" - ")
                .append(message);
        synchronized (err) {
            err.println(line);
            if (error != null) {
                error.printStackTrace(err);
            }
        }
    }
}
