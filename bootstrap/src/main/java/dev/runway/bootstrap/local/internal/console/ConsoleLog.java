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

    /** One line ({@code event} null) or one telemetry event; made into JSON only when the page asks. */
    private record Entry(long seq, String stream, String text, Map<String, Object> event) {
        String json() {
            Map<String, Object> entry = new LinkedHashMap<>();
            if (event == null) {
                entry.put("kind", "log");
                entry.put("stream", stream);
                entry.put("text", text);
            } else {
                entry.put("kind", "telemetry");
                entry.put("event", event);
            }
            entry.put("seq", seq);
            return Json.write(entry);
        }
    }

    // Kept as they come, cheaply: this is on the path of every START, END and REPORT line.
    private final Deque<Entry> entries = new ArrayDeque<>();
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

    /**
     * Keeps one line of output.
     *
     * @param stream {@code stdout} or {@code stderr}
     * @param text the line, without its end
     */
    public void line(String stream, String text) {
        add(stream, text, null);
    }

    /**
     * Keeps one Telemetry API event, as subscribers get it.
     *
     * @param event the event, which is not changed after it is made
     */
    public void telemetry(Map<String, Object> event) {
        Object type = event.get("type");
        if ("function".equals(type) || "extension".equals(type)) {
            return; // the same lines come through the tee, with START, END and REPORT among them
        }
        add(null, null, event);
    }

    private synchronized void add(String stream, String text, Map<String, Object> event) {
        entries.addLast(new Entry(next++, stream, text, event));
        if (entries.size() > CAPACITY) {
            entries.removeFirst();
        }
    }

    /**
     * @param after the last sequence number the caller has, 0 for all
     * @return {@code {"entries":[...]}} with the entries after it, oldest first
     */
    public String since(long after) {
        List<Entry> newer = new ArrayList<>();
        synchronized (this) {
            for (Entry entry : entries) {
                if (entry.seq() > after) {
                    newer.add(entry);
                }
            }
        }
        StringBuilder json = new StringBuilder("{\"entries\":[");
        for (int i = 0; i < newer.size(); i++) {
            json.append(i == 0 ? "" : ",").append(newer.get(i).json());
        }
        return json.append("]}").toString();
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
