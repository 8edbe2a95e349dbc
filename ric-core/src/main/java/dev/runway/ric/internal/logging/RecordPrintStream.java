package dev.runway.ric.internal.logging;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the function sees as {@code System.out} or {@code System.err}: turns what it prints into log records, so
 * that a multi-line message or a stack trace is one event, not one per line.
 *
 * <p>Where a record ends:
 * <ul>
 *   <li>{@code println(...)}: the call ends the record, whatever newlines the text holds. Text printed before
 *       it on the same thread (with {@code print}) starts the record.
 *   <li>{@code print}, {@code printf}, {@code format}, {@code append}, {@code write}: a call whose text or bytes
 *       end with a line terminator ends the record (so {@code printf("%s%n")} and a logging framework writing a
 *       whole event, trace included, as one {@code write} are one record each). Otherwise the text waits for the
 *       rest of its record. Newlines inside one call never split it.
 *   <li>{@code Throwable.printStackTrace()}: the whole trace, causes and suppressed exceptions included, is one
 *       record, with what the thread printed just before on the same line (the JDK's
 *       {@code Exception in thread "main" }). The stream recognises the {@code println(Object)} call with
 *       which the JDK starts a trace (the caller is {@code Throwable}, which holds this stream's monitor), writes
 *       the whole trace at once, and then drops the line-by-line calls that follow, as long as they repeat it.
 *   <li>Text left without a terminator is written when the invocation that printed it ends (for the thread that
 *       ran the handler), when it reaches 256 KiB, or when the runtime stops.
 * </ul>
 * The line terminator that ends a record is not part of it. {@code flush()} writes nothing: records are written
 * as they end. Text is encoded in UTF-8, whatever {@code stdout.encoding} says, since that is what the platform
 * reads.
 *
 * <p>Each stream has a level ({@code System.out} INFO, {@code System.err} ERROR) that filters and labels its
 * records, except that a record which is a JSON object with a {@code "level"} keeps its own.
 *
 * <p>Why this class is over the project's 400-line limit: where a record ends depends on which call printed
 * ({@code println} ends one whatever its text, {@code print} only on a terminator, a trace is one record), which the
 * bytes reaching one {@code write} override cannot tell. So it forwards {@link PrintStream}'s interface method by
 * method: every {@code print}, {@code println}, {@code write}, {@code append}, {@code printf} and {@code format}
 * overload, one short method each. The record logic itself (pending text, trace capture) is the small part;
 * splitting the overloads across classes would only scatter one interface.
 */
final class RecordPrintStream extends PrintStream {

    private static final int MAX_PENDING_BYTES = 256 * 1024;
    private static final StackWalker STACK = StackWalker.getInstance();
    private static final String TRACE_PRINTER = "java.lang.Throwable$WrappedPrintStream";

    private final RecordWriter writer;
    private final LogLevel level;
    private final LogLevel threshold;
    private final Target target;
    private final ThreadLocal<PendingLine> pending = new ThreadLocal<>();
    private final Set<PendingLine> unfinished = ConcurrentHashMap.newKeySet();

    /**
     * @param writer where records go
     * @param level the level of what is printed here
     * @param threshold the lowest level written
     * @param target the console stream, when there is no telemetry descriptor
     */
    RecordPrintStream(RecordWriter writer, LogLevel level, LogLevel threshold, Target target) {
        super(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        this.writer = writer;
        this.level = level;
        this.threshold = threshold;
        this.target = target;
    }

    // ---- records from text

    @Override
    public void println(String x) {
        String s = String.valueOf(x);
        PendingLine p = pending.get();
        if (p == null || p.isEmpty()) {
            emit(s, s.length());
            return;
        }
        synchronized (p) {
            p.buffer().appendUtf8(s);
            finish(p, false);
        }
    }

    @Override
    public void print(String x) {
        String s = String.valueOf(x);
        int terminator = terminatorLength(s);
        PendingLine p = pending.get();
        if (terminator > 0 && (p == null || p.isEmpty())) {
            emit(s, s.length() - terminator);
            return;
        }
        p = pendingLine();
        synchronized (p) {
            p.buffer().appendUtf8(s);
            unfinished.add(p);
            if (terminator > 0 || p.buffer().payloadLength() >= MAX_PENDING_BYTES) {
                finish(p, true);
            }
        }
    }

    @Override
    public void println() {
        PendingLine p = pending.get();
        if (p == null || p.isEmpty()) {
            emit("", 0);
            return;
        }
        synchronized (p) {
            finish(p, false);
        }
    }

    @Override
    public void println(Object x) {
        if (x instanceof Throwable error && Thread.holdsLock(this) && calledByPrintStackTrace()) {
            printTrace(error);
            return;
        }
        PendingLine p = pending.get();
        if (p != null && p.expectsTraceLines()) {
            if (Thread.holdsLock(this) && p.swallow(x)) {
                return;
            }
            p.stopExpecting();
        }
        println(String.valueOf(x));
    }

    // ---- records from bytes

    @Override
    public void write(byte[] buf, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, buf.length);
        int terminator = terminatorLength(buf, off, len);
        PendingLine p = pending.get();
        if (terminator > 0 && (p == null || p.isEmpty())) {
            emit(buf, off, len - terminator);
            return;
        }
        p = pendingLine();
        synchronized (p) {
            p.buffer().append(buf, off, len);
            unfinished.add(p);
            if (terminator > 0 || p.buffer().payloadLength() >= MAX_PENDING_BYTES) {
                finish(p, true);
            }
        }
    }

    @Override
    public void write(int b) {
        PendingLine p = pendingLine();
        synchronized (p) {
            p.buffer().append((byte) b);
            unfinished.add(p);
            if (b == '\n' || p.buffer().payloadLength() >= MAX_PENDING_BYTES) {
                finish(p, true);
            }
        }
    }

    @Override
    public void write(byte[] buf) {
        write(buf, 0, buf.length);
    }

    @Override
    public void writeBytes(byte[] buf) {
        write(buf, 0, buf.length);
    }

    // ---- everything else is text

    @Override
    public void print(boolean b) {
        print(String.valueOf(b));
    }

    @Override
    public void print(char c) {
        print(String.valueOf(c));
    }

    @Override
    public void print(int i) {
        print(String.valueOf(i));
    }

    @Override
    public void print(long l) {
        print(String.valueOf(l));
    }

    @Override
    public void print(float f) {
        print(String.valueOf(f));
    }

    @Override
    public void print(double d) {
        print(String.valueOf(d));
    }

    @Override
    public void print(char[] s) {
        print(new String(s));
    }

    @Override
    public void print(Object obj) {
        print(String.valueOf(obj));
    }

    @Override
    public void println(boolean x) {
        println(String.valueOf(x));
    }

    @Override
    public void println(char x) {
        println(String.valueOf(x));
    }

    @Override
    public void println(int x) {
        println(String.valueOf(x));
    }

    @Override
    public void println(long x) {
        println(String.valueOf(x));
    }

    @Override
    public void println(float x) {
        println(String.valueOf(x));
    }

    @Override
    public void println(double x) {
        println(String.valueOf(x));
    }

    @Override
    public void println(char[] x) {
        println(new String(x));
    }

    @Override
    public PrintStream printf(String format, Object... args) {
        return format(format, args);
    }

    @Override
    public PrintStream printf(Locale l, String format, Object... args) {
        return format(l, format, args);
    }

    @Override
    public PrintStream format(String format, Object... args) {
        return format(Locale.getDefault(Locale.Category.FORMAT), format, args);
    }

    @Override
    public PrintStream format(Locale l, String format, Object... args) {
        print(new java.util.Formatter(l).format(format, args).toString());
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq) {
        print(String.valueOf(csq));
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq, int start, int end) {
        print((csq == null ? "null" : csq).subSequence(start, end).toString());
        return this;
    }

    @Override
    public PrintStream append(char c) {
        print(c);
        return this;
    }

    /** Records are written as they end: there is nothing to flush. */
    @Override
    public void flush() {
        // nothing buffered but unfinished lines, which wait for their end
    }

    /** The platform's streams are not the function's to close. */
    @Override
    public void close() {
        // stays open
    }

    @Override
    public boolean checkError() {
        return false;
    }

    @Override
    public Charset charset() {
        return StandardCharsets.UTF_8;
    }

    // ---- flushing unfinished text

    /** Writes what this thread left without a line terminator. */
    void flushThread() {
        PendingLine p = pending.get();
        if (p != null) {
            synchronized (p) {
                p.stopExpecting();
                if (!p.isEmpty()) {
                    finish(p, true);
                }
            }
        }
    }

    /** Writes what every thread left without a line terminator; when the runtime stops. */
    void flushAll() {
        for (PendingLine p : unfinished) {
            synchronized (p) {
                if (!p.isEmpty()) {
                    finish(p, true);
                }
            }
        }
    }

    // ---- internals

    private PendingLine pendingLine() {
        PendingLine p = pending.get();
        if (p == null) {
            p = new PendingLine();
            pending.set(p);
        }
        return p;
    }

    /**
     * Ends the pending record; called with {@code p} locked.
     *
     * @param stripTerminator whether a final line terminator ended the record (and is not part of it), as
     *     opposed to a {@code println} call, which leaves the text it was given as it is
     */
    private void finish(PendingLine p, boolean stripTerminator) {
        FrameBuffer b = p.buffer();
        int end = b.size();
        if (stripTerminator && end > FrameBuffer.HEADER_BYTES && b.byteAt(end - 1) == '\n') {
            end--;
            if (end > FrameBuffer.HEADER_BYTES && b.byteAt(end - 1) == '\r') {
                end--;
            }
        }
        try {
            emit(b.array(), FrameBuffer.HEADER_BYTES, end - FrameBuffer.HEADER_BYTES);
        } finally {
            p.clear();
            unfinished.remove(p);
        }
    }

    private void emit(String text, int length) {
        LogLevel recordLevel = level;
        if (JsonObjects.looksLikeObject(text, length)) {
            recordLevel = JsonObjects.level(text, length, level);
        }
        if (recordLevel.ordinal() >= threshold.ordinal()) {
            writer.text(recordLevel, RecordWriter.PASS_JSON, text, length, target);
        }
    }

    private void emit(byte[] bytes, int off, int len) {
        LogLevel recordLevel = level;
        if (JsonObjects.looksLikeObject(bytes, off, len)) {
            recordLevel = JsonObjects.level(bytes, off, len, level);
        }
        if (recordLevel.ordinal() >= threshold.ordinal()) {
            writer.bytes(recordLevel, RecordWriter.PASS_JSON, bytes, off, len, target);
        }
    }

    private void printTrace(Throwable error) {
        ThrowableText trace = ThrowableText.of(error);
        PendingLine p = pendingLine();
        String prefix;
        synchronized (p) {
            prefix = p.take();
            unfinished.remove(p);
            if (trace.lines().size() > 1) {
                p.expect(trace.lines().subList(1, trace.lines().size()));
            }
        }
        if (level.ordinal() >= threshold.ordinal()) {
            writer.trace(level, prefix, trace, target);
        }
    }

    /** Whether the current {@code println(Object)} call comes from the JDK's {@code printStackTrace}. */
    private static boolean calledByPrintStackTrace() {
        return STACK.walk(frames -> frames.limit(4).anyMatch(f -> f.getClassName().equals(TRACE_PRINTER)));
    }

    private static int terminatorLength(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(n - 1) != '\n') {
            return 0;
        }
        return n > 1 && s.charAt(n - 2) == '\r' ? 2 : 1;
    }

    private static int terminatorLength(byte[] b, int off, int len) {
        if (len == 0 || b[off + len - 1] != '\n') {
            return 0;
        }
        return len > 1 && b[off + len - 2] == '\r' ? 2 : 1;
    }
}
