package dev.runway.ric.internal.logging;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The logging of the process: one {@link RecordWriter} that every path writes through, installed as
 * {@code System.out}, {@code System.err} and {@code LambdaRuntime.getLogger()} when the runtime starts, and
 * taken out again when it stops (so that a runtime run inside a test leaves the JVM as it found it).
 *
 * <p>Configuration is process-wide, like the streams it replaces; which invocation a record belongs to is not
 * (see {@link RequestScopes}).
 */
public final class RuntimeLogging implements AutoCloseable {

    private static final RuntimeLogging CONSOLE = console();
    private static volatile RuntimeLogging current = CONSOLE;

    private final LogSettings settings;
    private final RequestScopes scopes;
    private final RecordWriter writer;
    private final RecordPrintStream out;
    private final RecordPrintStream err;
    private final String fdProblem;
    private PrintStream previousOut;
    private PrintStream previousErr;
    private LambdaLogger previousLogger;

    private RuntimeLogging(LogSettings settings, RequestScopes scopes, RecordWriter writer, RecordPrintStream out,
            RecordPrintStream err, String fdProblem) {
        this.settings = settings;
        this.scopes = scopes;
        this.writer = writer;
        this.out = out;
        this.err = err;
        this.fdProblem = fdProblem;
    }

    /**
     * Takes over the process's output: {@code System.out}, {@code System.err}, {@code LambdaRuntime}'s logger.
     *
     * @param settings the configuration
     * @param multiConcurrent whether several invocations run at once
     * @return the installed logging; close it to put the previous output back
     */
    public static RuntimeLogging install(LogSettings settings, boolean multiConcurrent) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        Destination console = new ConsoleDestination(originalOut, originalErr);
        Destination destination = console;
        String fdProblem = null;
        if (settings.framed()) {
            try {
                destination = new FramedDestination(TelemetryFd.open(settings.telemetryFd()));
            } catch (IOException | RuntimeException e) {
                fdProblem = "_LAMBDA_TELEMETRY_LOG_FD=" + settings.telemetryFd() + " cannot be written (" + e
                        + "); logs go to standard output and error.";
            }
        }
        RequestScopes scopes = new RequestScopes(multiConcurrent);
        RecordWriter writer = new RecordWriter(destination, console, settings.format(), scopes, Clock.systemUTC());
        RecordPrintStream out = new RecordPrintStream(writer, LogLevel.INFO, settings.applicationLevel(), Target.OUT);
        RecordPrintStream err = new RecordPrintStream(writer, LogLevel.ERROR, settings.applicationLevel(), Target.ERR);
        RuntimeLogging logging = new RuntimeLogging(settings, scopes, writer, out, err, fdProblem);
        logging.previousOut = originalOut;
        logging.previousErr = originalErr;
        System.setOut(out);
        System.setErr(err);
        logging.previousLogger = setLambdaRuntimeLogger(new RunwayLambdaLogger(writer, settings.applicationLevel()));
        current = logging;
        logging.reportStart();
        return logging;
    }

    /** @return the installed logging, or console logging with the defaults when the runtime has not started */
    public static RuntimeLogging current() {
        return current;
    }

    /** @return the configuration */
    public LogSettings settings() {
        return settings;
    }

    /** @return which invocation records belong to */
    public RequestScopes scopes() {
        return scopes;
    }

    /** @return the record format */
    public LogFormat format() {
        return writer.format();
    }

    /**
     * @param level a level
     * @return whether a logging framework's record of that level is written
     */
    public boolean frameworkEnabled(LogLevel level) {
        return level.ordinal() >= settings.slf4jLevel().ordinal();
    }

    /**
     * Writes a logging framework's record (Runway's SLF4J provider) if its level passes.
     *
     * @param level the level
     * @param logger the logger's name
     * @param message the formatted message
     * @param error the exception, or {@code null}
     * @param fields more JSON fields, or {@code null}
     */
    public void frameworkEvent(LogLevel level, String logger, String message, Throwable error, Map<String, ?> fields) {
        if (frameworkEnabled(level)) {
            writer.event(level, logger, message, error == null ? null : ThrowableText.of(error), plain(fields), Target.OUT);
        }
    }

    /**
     * @param level a level
     * @return whether the runtime's own records of that level are written
     */
    public boolean runtimeEnabled(LogLevel level) {
        return level.ordinal() >= settings.runtimeLevel().ordinal();
    }

    /**
     * Writes one of the runtime's own records if its level passes ({@code RUNWAY_LOG_LEVEL}).
     *
     * @param level the level
     * @param logger the logger's name
     * @param message the message
     * @param error the exception, or {@code null}
     */
    public void runtimeEvent(LogLevel level, String logger, String message, Throwable error) {
        if (runtimeEnabled(level)) {
            writer.event(level, logger, message, error == null ? null : ThrowableText.of(error), null, Target.ERR);
        }
    }

    /** Writes what the current thread printed without a line terminator yet. */
    public void flushThread() {
        if (out != null) {
            out.flushThread();
            err.flushThread();
        }
    }

    /** Writes what every thread left unfinished, and puts the previous output back. */
    @Override
    public void close() {
        if (this == CONSOLE) {
            return;
        }
        out.flushAll();
        err.flushAll();
        if (System.out == out) {
            System.setOut(previousOut);
        }
        if (System.err == err) {
            System.setErr(previousErr);
        }
        setLambdaRuntimeLogger(previousLogger);
        current = CONSOLE;
    }

    private void reportStart() {
        if (fdProblem != null) {
            runtimeEvent(LogLevel.WARN, "runway", fdProblem, null);
        }
        if (runtimeEnabled(LogLevel.DEBUG)) {
            runtimeEvent(LogLevel.DEBUG, "runway", "Logging: format " + settings.format() + ", "
                    + (settings.framed() && fdProblem == null ? "frames to descriptor " + settings.telemetryFd() : "console")
                    + ", application level " + settings.applicationLevel() + ", SLF4J level " + settings.slf4jLevel()
                    + ", runtime level " + settings.runtimeLevel(), null);
        }
    }

    /**
     * Replaces {@code LambdaRuntime}'s logger, a private static field: the managed runtime sets it the same way,
     * and {@code aws-lambda-java-core} offers no other means.
     *
     * <p>Through a {@link VarHandle}, not {@code Field.get}/{@code set}: a reflective field access builds a
     * method-handle accessor whose adapters the JVM generates as classes at the first call, which no AOT cache
     * keeps; a static field's {@code VarHandle} is one of the JDK's own classes. The call site's types are exactly
     * the field's, so no adapter is generated for it either.
     *
     * @return the logger it had
     */
    private static LambdaLogger setLambdaRuntimeLogger(LambdaLogger logger) {
        try {
            VarHandle field = MethodHandles.privateLookupIn(LambdaRuntime.class, MethodHandles.lookup())
                    .findStaticVarHandle(LambdaRuntime.class, "logger", LambdaLogger.class);
            return (LambdaLogger) field.getAndSet(logger);
        } catch (ReflectiveOperationException | RuntimeException e) {
            current().runtimeEvent(LogLevel.WARN, "runway", "LambdaRuntime.getLogger() cannot be replaced (" + e
                    + "); it keeps writing to standard output.", null);
            return logger;
        }
    }

    /** Field values the writer can use without calling function code under its lock. */
    private static Map<String, ?> plain(Map<String, ?> fields) {
        if (fields == null || fields.isEmpty()) {
            return null;
        }
        for (Object value : fields.values()) {
            if (!isPlain(value)) {
                Map<String, Object> copy = new LinkedHashMap<>(fields.size() * 2);
                fields.forEach((k, v) -> copy.put(k, isPlain(v) ? v : String.valueOf(v)));
                return copy;
            }
        }
        return fields;
    }

    private static boolean isPlain(Object value) {
        return value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double || value instanceof Float || value instanceof Short
                || value instanceof Byte;
    }

    private static RuntimeLogging console() {
        LogSettings settings = LogSettings.DEFAULT;
        RequestScopes scopes = new RequestScopes(false);
        Destination console = new ConsoleDestination(System.out, System.err);
        RecordWriter writer = new RecordWriter(console, console, settings.format(), scopes, Clock.systemUTC());
        return new RuntimeLogging(settings, scopes, writer, null, null, null);
    }
}
