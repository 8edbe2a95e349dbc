package dev.runway.ric.internal.logging;

import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns log records into bytes and hands each to the {@link Destination} in one piece. Every path that logs
 * (LambdaLogger, {@code System.out}, {@code System.err}, SLF4J, the runtime itself) ends here, so they all share
 * the formats, the timestamps and the request attribution.
 *
 * <p>One lock per writer, held while a record is encoded into the reused buffer and written: that is what keeps
 * a frame whole when threads log at once, and the buffer reuse is what keeps a warm logger from allocating.
 * Function code ({@code toString}, {@code getMessage}) is never called under the lock; callers render first.
 *
 * <p>Formats:
 * <ul>
 *   <li>Text: the message as written; {@code "[LEVEL] "} first when the caller gave a level (as the managed
 *       runtime's {@code LambdaLogger} does); SLF4J events as {@code [LEVEL] <request id> <logger> - <message>}.
 *   <li>JSON: one object per record, fields in this order: {@code timestamp} (UTC, milliseconds), {@code level},
 *       {@code message}, {@code logger} (SLF4J), {@code AWSRequestId} and {@code tenantId} (when the record
 *       belongs to an invocation), {@code errorType}, {@code errorMessage}, {@code stackTrace} (when it carries
 *       an exception), then the caller's fields (MDC, SLF4J key-values). Output that already is a JSON object
 *       goes through unchanged.
 * </ul>
 */
final class RecordWriter {

    /** Output that already is a JSON object goes through as it is in the JSON format. */
    static final int PASS_JSON = 1;
    /** The caller chose the level: the text format shows it. */
    static final int LEVELLED = 2;

    private static final Set<String> RESERVED = Set.of("timestamp", "level", "message", "logger", "AWSRequestId",
            "tenantId", "errorType", "errorMessage", "stackTrace");
    private static final byte[] TIMESTAMP = ascii("{\"timestamp\":");
    private static final byte[] MESSAGE = ascii(",\"message\":");
    private static final byte[] LOGGER = ascii(",\"logger\":");
    private static final byte[] REQUEST_ID = ascii(",\"AWSRequestId\":");
    private static final byte[] TENANT_ID = ascii(",\"tenantId\":");
    private static final byte[] ERROR_TYPE = ascii(",\"errorType\":");
    private static final byte[] ERROR_MESSAGE = ascii(",\"errorMessage\":");
    private static final byte[] STACK_TRACE = ascii(",\"stackTrace\":[");
    private static final byte[] NULL = ascii("null");
    private static final byte[] SEPARATOR = ascii(" - ");
    private static final byte[][] JSON_LEVELS = new byte[LogLevel.values().length][];
    private static final byte[][] TEXT_LEVELS = new byte[LogLevel.values().length][];

    static {
        for (LogLevel level : LogLevel.values()) {
            JSON_LEVELS[level.ordinal()] = ascii(",\"level\":\"" + level.name() + "\"");
            TEXT_LEVELS[level.ordinal()] = ascii("[" + level.name() + "] ");
        }
    }

    private final FrameBuffer buffer = new FrameBuffer();
    private final IsoTimestamp timestamps = new IsoTimestamp();
    private final LogFormat format;
    private final boolean json;
    private final RequestScopes scopes;
    private final InstantSource clock;
    private final Destination fallback;
    private Destination destination;

    /**
     * @param destination where records go
     * @param fallback where they go once {@code destination} has failed
     * @param format the record format
     * @param scopes which invocation a record belongs to
     * @param clock the time of records
     */
    RecordWriter(Destination destination, Destination fallback, LogFormat format, RequestScopes scopes,
            InstantSource clock) {
        this.destination = destination;
        this.fallback = fallback;
        this.format = format;
        this.json = format == LogFormat.JSON;
        this.scopes = scopes;
        this.clock = clock;
    }

    LogFormat format() {
        return format;
    }

    /**
     * A message: {@code LambdaLogger} text, or a line of {@code System.out}/{@code System.err}.
     *
     * @param text the message is its first {@code length} chars
     */
    void text(LogLevel level, int flags, CharSequence text, int length, Target target) {
        RequestScope scope = json ? scopes.current() : null;
        synchronized (this) {
            FrameBuffer b = buffer;
            b.reset();
            long micros = nowMicros();
            if (!json) {
                if ((flags & LEVELLED) != 0) {
                    b.append(TEXT_LEVELS[level.ordinal()]);
                }
                b.appendUtf8(text, length);
            } else if ((flags & PASS_JSON) != 0 && JsonObjects.looksLikeObject(text, length)) {
                b.appendUtf8(text, length);
            } else {
                openObject(b, level, micros);
                b.append(MESSAGE);
                b.appendJsonString(text, length);
                closeObject(b, scope);
            }
            write(level, micros, target);
        }
    }

    /** A message given as UTF-8 bytes: {@code LambdaLogger.log(byte[])}, or bytes written to a stream. */
    void bytes(LogLevel level, int flags, byte[] bytes, int off, int len, Target target) {
        RequestScope scope = json ? scopes.current() : null;
        synchronized (this) {
            FrameBuffer b = buffer;
            b.reset();
            long micros = nowMicros();
            if (!json || (flags & PASS_JSON) != 0 && JsonObjects.looksLikeObject(bytes, off, len)) {
                b.append(bytes, off, len);
            } else {
                openObject(b, level, micros);
                b.append(MESSAGE);
                b.appendJsonString(bytes, off, len);
                closeObject(b, scope);
            }
            write(level, micros, target);
        }
    }

    /**
     * A logging-framework event (SLF4J, the runtime's diagnostics).
     *
     * @param error the exception, rendered, or {@code null}
     * @param fields more JSON fields; values are strings, numbers, booleans or {@code null}
     */
    void event(LogLevel level, String logger, String message, ThrowableText error, Map<String, ?> fields,
            Target target) {
        RequestScope scope = scopes.current();
        synchronized (this) {
            FrameBuffer b = buffer;
            b.reset();
            long micros = nowMicros();
            if (!json) {
                b.append(TEXT_LEVELS[level.ordinal()]);
                if (scope != null) {
                    b.appendUtf8(scope.requestId());
                    b.append((byte) ' ');
                }
                b.appendUtf8(logger);
                b.append(SEPARATOR);
                b.appendUtf8(message == null ? "null" : message);
                if (error != null) {
                    b.append((byte) '\n');
                    b.appendUtf8(error.text());
                }
            } else {
                openObject(b, level, micros);
                b.append(MESSAGE);
                b.appendJsonString(message == null ? "null" : message);
                b.append(LOGGER);
                b.appendJsonString(logger);
                appendScope(b, scope);
                appendError(b, error);
                appendFields(b, fields);
                b.append((byte) '}');
            }
            write(level, micros, target);
        }
    }

    /**
     * A stack trace printed with {@code printStackTrace}: the whole trace is one record.
     *
     * @param prefix what the thread printed on the same line just before, such as the JDK's
     *     {@code Exception in thread "main" }
     */
    void trace(LogLevel level, String prefix, ThrowableText error, Target target) {
        RequestScope scope = json ? scopes.current() : null;
        synchronized (this) {
            FrameBuffer b = buffer;
            b.reset();
            long micros = nowMicros();
            if (!json) {
                b.appendUtf8(prefix);
                b.appendUtf8(error.text());
            } else {
                openObject(b, level, micros);
                b.append(MESSAGE);
                b.appendJsonString(prefix.isEmpty() ? error.firstLine() : prefix + error.firstLine());
                appendScope(b, scope);
                appendError(b, error);
                b.append((byte) '}');
            }
            write(level, micros, target);
        }
    }

    private void openObject(FrameBuffer b, LogLevel level, long micros) {
        b.append(TIMESTAMP);
        timestamps.appendQuoted(b, micros / 1000);
        b.append(JSON_LEVELS[level.ordinal()]);
    }

    private static void closeObject(FrameBuffer b, RequestScope scope) {
        appendScope(b, scope);
        b.append((byte) '}');
    }

    private static void appendScope(FrameBuffer b, RequestScope scope) {
        if (scope != null) {
            b.append(REQUEST_ID);
            b.appendJsonString(scope.requestId());
            if (scope.tenantId() != null) {
                b.append(TENANT_ID);
                b.appendJsonString(scope.tenantId());
            }
        }
    }

    private static void appendError(FrameBuffer b, ThrowableText error) {
        if (error == null) {
            return;
        }
        b.append(ERROR_TYPE);
        b.appendJsonString(error.report().errorType());
        b.append(ERROR_MESSAGE);
        b.appendJsonString(error.report().errorMessage());
        List<String> trace = error.report().stackTrace();
        if (trace != null) {
            b.append(STACK_TRACE);
            for (int i = 0; i < trace.size(); i++) {
                if (i > 0) {
                    b.append((byte) ',');
                }
                b.appendJsonString(trace.get(i));
            }
            b.append((byte) ']');
        }
    }

    private static void appendFields(FrameBuffer b, Map<String, ?> fields) {
        if (fields == null || fields.isEmpty()) {
            return;
        }
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            String name = field.getKey();
            if (name == null || RESERVED.contains(name)) {
                continue;
            }
            b.append((byte) ',');
            b.appendJsonString(name);
            b.append((byte) ':');
            Object value = field.getValue();
            if (value == null) {
                b.append(NULL);
            } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                    || value instanceof Short || value instanceof Byte
                    || value instanceof Double d && Double.isFinite(d) || value instanceof Float f && Float.isFinite(f)) {
                b.appendUtf8(value.toString());
            } else {
                b.appendJsonString(value instanceof CharSequence cs ? cs : String.valueOf(value));
            }
        }
    }

    private long nowMicros() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private void write(LogLevel level, long micros, Target target) {
        try {
            destination.write(buffer, FrameType.of(level, format), micros, target);
        } catch (IOException e) {
            Destination failed = destination;
            destination = fallback;
            if (failed != fallback) {
                byte[] record = java.util.Arrays.copyOfRange(buffer.array(), FrameBuffer.HEADER_BYTES, buffer.size());
                buffer.reset();
                buffer.appendUtf8("[runway] The telemetry log descriptor failed (" + e
                        + "); logs go to standard output and error from now on.");
                writeQuietly(level, micros, Target.ERR);
                buffer.reset();
                buffer.append(record);
                writeQuietly(level, micros, target);
            }
        }
    }

    private void writeQuietly(LogLevel level, long micros, Target target) {
        try {
            fallback.write(buffer, FrameType.of(level, format), micros, target);
        } catch (IOException ignored) {
            // The console is gone too: there is nowhere left to say so.
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
