package dev.runway.bootstrap.local.internal.console;

import dev.runway.bootstrap.local.internal.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the local console shows as it happens: the lines local mode prints (the function's and the extensions'
 * output, START, END and REPORT, the platform's own notes) and the Telemetry API's events. The page polls
 * {@link #since} with the last sequence number it has. Bounded: the oldest entries are forgotten first.
 */
public final class ConsoleLog {

    static final int CAPACITY = 5_000;

    private final Deque<String> entries = new ArrayDeque<>();
    private long next = 1;

    /**
     * A stream that writes to {@code target} and keeps each line it sees for the console.
     *
     * @param target where the output goes as before
     * @param stream {@code stdout} or {@code stderr}, as the console labels it
     * @return the tee
     */
    public PrintStream tee(PrintStream target, String stream) {
        return new PrintStream(new LineTee(target, line -> line(stream, line)), true, StandardCharsets.UTF_8);
    }

    /** Keeps one line of output. */
    public void line(String stream, String text) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kind", "log");
        entry.put("stream", stream);
        entry.put("text", text);
        add(entry);
    }

    /** Keeps one Telemetry API event, as subscribers get it. */
    public void telemetry(Map<String, Object> event) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kind", "telemetry");
        entry.put("event", event);
        add(entry);
    }

    private synchronized void add(Map<String, Object> entry) {
        entry.put("seq", next++);
        entries.addLast(Json.write(entry));
        if (entries.size() > CAPACITY) {
            entries.removeFirst();
        }
    }

    /**
     * @param after the last sequence number the caller has, 0 for all
     * @return {@code {"entries":[...]}} with the entries after it, oldest first
     */
    public synchronized String since(long after) {
        List<String> newer = new ArrayList<>();
        long first = next - entries.size();
        long seq = first;
        for (String entry : entries) {
            if (seq > after) {
                newer.add(entry);
            }
            seq++;
        }
        return "{\"entries\":[" + String.join(",", newer) + "]}";
    }

    /** Splits what is written into lines, passing every byte on to the target as it comes. */
    private static final class LineTee extends OutputStream {
        private final PrintStream target;
        private final java.util.function.Consumer<String> lines;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        LineTee(PrintStream target, java.util.function.Consumer<String> lines) {
            this.target = target;
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            target.write(b);
            collect(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            target.write(b, off, len);
            for (int i = off; i < off + len; i++) {
                collect(b[i]);
            }
        }

        private void collect(int b) {
            if (b == '\n') {
                String line = pending.toString(StandardCharsets.UTF_8);
                pending.reset();
                lines.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            } else {
                pending.write(b);
            }
        }

        @Override
        public void flush() {
            target.flush();
        }
    }
}
