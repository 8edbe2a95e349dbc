package dev.runway.ric.logging;

import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.runway.ric.internal.logging.RuntimeLogging;
import java.util.Map;

/**
 * Runway's log path, for logging frameworks bridged to it, such as Runway's SLF4J provider
 * ({@code dev.runway:runway-slf4j}): records written here get the same telemetry frames, format
 * ({@code AWS_LAMBDA_LOG_FORMAT}) and request attribution as {@code LambdaLogger} and {@code System.out}.
 *
 * <p>This package is the runtime's public, stable API for such bridges. It is deliberately small and uses only
 * JDK and {@code aws-lambda-java-core} types, since it is reached from the function's class loader: the runtime's
 * own copies of libraries are relocated and must never appear in it.
 *
 * <p>Outside a running Runway runtime (a function's unit tests, for example), records go to standard output in
 * the text format.
 */
public final class RunwayLogging {

    private RunwayLogging() {}

    /**
     * Whether a framework record of this level is written. The threshold is {@code AWS_LAMBDA_LOG_LEVEL}, or INFO
     * when it is unset.
     *
     * @param level a level
     * @return whether {@link #log} would write it
     */
    public static boolean isEnabled(LogLevel level) {
        return RuntimeLogging.current().frameworkEnabled(level);
    }

    /**
     * Writes one record, if its level is enabled. Text format: {@code [LEVEL] <request id> <logger> - <message>},
     * then the stack trace. JSON format: {@code timestamp}, {@code level}, {@code message}, {@code logger},
     * {@code AWSRequestId}, {@code tenantId}, {@code errorType}, {@code errorMessage}, {@code stackTrace}, then
     * {@code fields} (a field named like one of these is ignored).
     *
     * @param level the level; {@code UNDEFINED} counts as INFO
     * @param loggerName the logger's name
     * @param message the formatted message
     * @param error the exception, or {@code null}
     * @param fields more JSON fields (MDC entries, key-value pairs), or {@code null}; strings, numbers and
     *     booleans are written as such, anything else as its {@code toString()}
     */
    public static void log(LogLevel level, String loggerName, String message, Throwable error, Map<String, ?> fields) {
        LogLevel effective = level == null || level == LogLevel.UNDEFINED ? LogLevel.INFO : level;
        RuntimeLogging.current().frameworkEvent(effective, loggerName, message, error, fields);
    }

    /** @return the record format, {@code AWS_LAMBDA_LOG_FORMAT} */
    public static LogFormat format() {
        return RuntimeLogging.current().format();
    }
}
