package dev.runway.junit;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The test JVM's standard output and error while a function runs in it, copied line by line: still printed, and
 * kept as the function's log (with the platform's START, END and REPORT lines), and passed on to telemetry.
 */
final class CapturedOutput implements AutoCloseable {

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final PrintStream platform;

    CapturedOutput() {
        System.setOut(new PrintStream(new LineTee(originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new LineTee(originalErr), true, StandardCharsets.UTF_8));
        this.platform = System.out;
    }

    /** @return where the platform's own lines go: captured too */
    PrintStream platformStream() {
        return platform;
    }

    void addListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    List<String> lines() {
        return new ArrayList<>(lines);
    }

    void clear() {
        lines.clear();
    }

    @Override
    public void close() {
        System.out.flush();
        System.err.flush();
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /** Writes through and collects complete lines. */
    private final class LineTee extends OutputStream {
        private final OutputStream target;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineTee(OutputStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) throws java.io.IOException {
            target.write(b);
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                lines.add(text);
                listeners.forEach(listener -> listener.accept(text));
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            target.flush();
        }
    }
}
