package dev.runway.ric.internal.logging;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NormalizedParameters;

/**
 * SLF4J loggers for the runtime's own diagnostics, written through the runtime's log path at the threshold of
 * {@code RUNWAY_LOG_LEVEL} (quiet by default: WARN).
 *
 * <p>The runtime does not go through {@code LoggerFactory}: it would search the class path for a binding on the
 * cold start's path, and obey {@code -Dslf4j.provider} meant for the function's own SLF4J. In the runtime jar this
 * SLF4J is relocated, so it never meets the function's.
 */
public final class RuntimeLoggers {

    private static final Map<String, Logger> LOGGERS = new ConcurrentHashMap<>();

    private RuntimeLoggers() {}

    /**
     * @param name the logger's name
     * @return the logger
     */
    public static Logger get(String name) {
        return LOGGERS.computeIfAbsent(name, RuntimeLogger::new);
    }

    /** Forwards to whatever {@link RuntimeLogging} is installed when a record is written. */
    private static final class RuntimeLogger extends LegacyAbstractLogger {

        private static final long serialVersionUID = 1L;

        RuntimeLogger(String name) {
            this.name = name;
        }

        @Override
        public boolean isTraceEnabled() {
            return RuntimeLogging.current().runtimeEnabled(LogLevel.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return RuntimeLogging.current().runtimeEnabled(LogLevel.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return RuntimeLogging.current().runtimeEnabled(LogLevel.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return RuntimeLogging.current().runtimeEnabled(LogLevel.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return RuntimeLogging.current().runtimeEnabled(LogLevel.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                Throwable throwable) {
            NormalizedParameters normalized = NormalizedParameters.normalize(pattern, arguments, throwable);
            String message = normalized.getArguments() == null ? normalized.getMessage()
                    : MessageFormatter.basicArrayFormat(normalized);
            RuntimeLogging.current().runtimeEvent(LevelMapping.of(level), name, message, normalized.getThrowable());
        }
    }
}
