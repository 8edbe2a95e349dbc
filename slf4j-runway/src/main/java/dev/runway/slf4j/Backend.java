package dev.runway.slf4j;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.util.Map;

/**
 * Where records go: Runway's log path when the function runs on Runway, standard error otherwise (in the
 * function's unit tests, say), chosen once.
 */
interface Backend {

    boolean isEnabled(LogLevel level);

    void log(LogLevel level, String logger, String message, Throwable error, Map<String, ?> fields);

    /** @return Runway's log path if the runtime's API can be loaded, else standard error */
    static Backend detect() {
        try {
            Class.forName("dev.runway.ric.logging.RunwayLogging", false, Backend.class.getClassLoader());
            return new RuntimeBackend();
        } catch (ClassNotFoundException | LinkageError notOnRunway) {
            return new StandardErrorBackend();
        }
    }
}
