package dev.runway.slf4j;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NormalizedParameters;
import org.slf4j.spi.LoggingEventAware;

/**
 * An SLF4J logger writing through the {@link Backend}. Levels are checked against the runtime's threshold
 * ({@code AWS_LAMBDA_LOG_LEVEL}, INFO when unset) before any formatting. The MDC and the key-value pairs of the
 * fluent API ({@code atInfo().addKeyValue(...)}) become JSON fields. Markers are ignored.
 */
final class RunwayLogger extends LegacyAbstractLogger implements LoggingEventAware {

    private static final long serialVersionUID = 1L;

    private final transient Backend backend;
    private final transient RunwayMdcAdapter mdc;

    RunwayLogger(String name, Backend backend, RunwayMdcAdapter mdc) {
        this.name = name;
        this.backend = backend;
        this.mdc = mdc;
    }

    @Override
    public boolean isTraceEnabled() {
        return backend.isEnabled(LogLevel.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return backend.isEnabled(LogLevel.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return backend.isEnabled(LogLevel.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return backend.isEnabled(LogLevel.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return backend.isEnabled(LogLevel.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
            Throwable throwable) {
        write(level, pattern, arguments, throwable, mdc.current());
    }

    /** The fluent API's records, which may carry key-value pairs. */
    @Override
    public void log(LoggingEvent event) {
        if (!backend.isEnabled(of(event.getLevel()))) {
            return;
        }
        Map<String, ?> fields = mdc.current();
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null && !pairs.isEmpty()) {
            Map<String, Object> merged = new LinkedHashMap<>(fields);
            for (KeyValuePair pair : pairs) {
                merged.put(pair.key, pair.value);
            }
            fields = merged;
        }
        write(event.getLevel(), event.getMessage(), event.getArgumentArray(), event.getThrowable(), fields);
    }

    private void write(Level level, String pattern, Object[] arguments, Throwable throwable, Map<String, ?> fields) {
        // A throwable given as the last argument, without a {} for it, is the record's exception, as in Logback.
        NormalizedParameters normalized = NormalizedParameters.normalize(pattern, arguments, throwable);
        String message = normalized.getArguments() == null || normalized.getArguments().length == 0
                ? normalized.getMessage() : MessageFormatter.basicArrayFormat(normalized);
        backend.log(of(level), name, message, normalized.getThrowable(), fields);
    }

    private static LogLevel of(Level level) {
        return switch (level) {
            case TRACE -> LogLevel.TRACE;
            case DEBUG -> LogLevel.DEBUG;
            case INFO -> LogLevel.INFO;
            case WARN -> LogLevel.WARN;
            case ERROR -> LogLevel.ERROR;
        };
    }
}
