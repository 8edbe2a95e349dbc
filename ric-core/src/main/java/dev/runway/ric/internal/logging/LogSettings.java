package dev.runway.ric.internal.logging;

import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.runway.ric.internal.env.InvalidEnvironmentException;
import java.util.Locale;
import java.util.Map;

/**
 * The logging configuration, read once from the environment.
 *
 * <p>Levels are thresholds: a record is written when its level is at least the threshold. There are three,
 * because three kinds of output have different sensible defaults when {@code AWS_LAMBDA_LOG_LEVEL} is unset:
 * <ul>
 *   <li>{@code applicationLevel}: {@code LambdaLogger}, {@code System.out}, {@code System.err}. Unset means no
 *       filtering, as on the managed runtime.
 *   <li>{@code slf4jLevel}: Runway's SLF4J provider. Unset means INFO, as slf4j-simple does: libraries such as
 *       the AWS SDK and HTTP clients log heavily at DEBUG and TRACE.
 *   <li>{@code runtimeLevel}: the runtime's own diagnostics. {@code RUNWAY_LOG_LEVEL} when set; otherwise WARN
 *       or {@code AWS_LAMBDA_LOG_LEVEL}, whichever is higher, so that a warm runtime prints nothing.
 * </ul>
 *
 * @param format {@code AWS_LAMBDA_LOG_FORMAT}, TEXT when unset
 * @param applicationLevel threshold of application output
 * @param slf4jLevel threshold of the SLF4J provider
 * @param runtimeLevel threshold of the runtime's diagnostics
 * @param telemetryFd {@code _LAMBDA_TELEMETRY_LOG_FD}, or -1 when unset
 */
public record LogSettings(LogFormat format, LogLevel applicationLevel, LogLevel slf4jLevel, LogLevel runtimeLevel,
        int telemetryFd) {

    /** The settings of a runtime that has not read its environment yet: text on the console, runtime at WARN. */
    public static final LogSettings DEFAULT = new LogSettings(LogFormat.TEXT, LogLevel.TRACE, LogLevel.INFO,
            LogLevel.WARN, -1);

    private static final String LEVELS = "TRACE, DEBUG, INFO, WARN, ERROR or FATAL";

    /**
     * Reads the settings.
     *
     * @param env the process environment
     * @return the settings
     * @throws InvalidEnvironmentException when a variable holds a value the runtime does not know
     */
    public static LogSettings from(Map<String, String> env) {
        LogFormat format = format(env.get("AWS_LAMBDA_LOG_FORMAT"));
        LogLevel lambdaLevel = level("AWS_LAMBDA_LOG_LEVEL", env.get("AWS_LAMBDA_LOG_LEVEL"));
        LogLevel runwayLevel = level("RUNWAY_LOG_LEVEL", env.get("RUNWAY_LOG_LEVEL"));
        LogLevel runtime = runwayLevel != null ? runwayLevel : max(LogLevel.WARN, lambdaLevel);
        return new LogSettings(format,
                lambdaLevel != null ? lambdaLevel : LogLevel.TRACE,
                lambdaLevel != null ? lambdaLevel : LogLevel.INFO,
                runtime,
                fd(env.get("_LAMBDA_TELEMETRY_LOG_FD")));
    }

    /** @return whether records go to the platform's telemetry descriptor as frames */
    public boolean framed() {
        return telemetryFd >= 0;
    }

    private static LogFormat format(String value) {
        if (value == null || value.isBlank()) {
            return LogFormat.TEXT;
        }
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "TEXT" -> LogFormat.TEXT;
            case "JSON" -> LogFormat.JSON;
            default -> throw new InvalidEnvironmentException(
                    "AWS_LAMBDA_LOG_FORMAT must be Text or JSON, got '" + value + "'");
        };
    }

    /** @return the level, or {@code null} when the variable is unset */
    static LogLevel level(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "TRACE" -> LogLevel.TRACE;
            case "DEBUG" -> LogLevel.DEBUG;
            case "INFO" -> LogLevel.INFO;
            case "WARN" -> LogLevel.WARN;
            case "ERROR" -> LogLevel.ERROR;
            case "FATAL" -> LogLevel.FATAL;
            default -> throw new InvalidEnvironmentException(
                    name + " must be one of " + LEVELS + ", got '" + value + "'");
        };
    }

    private static int fd(String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        try {
            int fd = Integer.parseInt(value.trim());
            if (fd >= 0) {
                return fd;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidEnvironmentException(
                "_LAMBDA_TELEMETRY_LOG_FD must be a file descriptor number, got '" + value + "'");
    }

    private static LogLevel max(LogLevel a, LogLevel b) {
        return b == null || a.ordinal() >= b.ordinal() ? a : b;
    }
}
