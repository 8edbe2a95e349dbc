package dev.runway.ric.internal.logging;

import dev.runway.ric.internal.error.ErrorReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A throwable as {@code printStackTrace} prints it, rendered once, outside any lock, since it runs function code
 * ({@code toString}, {@code getMessage}).
 *
 * @param text everything {@code printStackTrace} prints, without the final line terminator
 * @param lines the argument of each {@code println} call {@code printStackTrace} makes, in order: the first is
 *     the throwable itself, the rest are the frames and causes
 * @param report the JSON fields {@code errorType}, {@code errorMessage} and {@code stackTrace}
 */
record ThrowableText(String text, List<String> lines, ErrorReport report) {

    static ThrowableText of(Throwable error) {
        CallRecorder recorder = new CallRecorder();
        try {
            error.printStackTrace(recorder);
        } catch (RuntimeException broken) {
            recorder.println("(printStackTrace failed: " + broken + ")");
        }
        recorder.flush();
        String text = recorder.text.toString();
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - (text.endsWith("\r\n") ? 2 : 1));
        }
        return new ThrowableText(text, recorder.calls, report(error));
    }

    /** @return the first line: the throwable's {@code toString()} */
    String firstLine() {
        return lines.isEmpty() ? text : lines.get(0);
    }

    private static ErrorReport report(Throwable error) {
        try {
            return ErrorReport.of(error);
        } catch (RuntimeException broken) {
            return ErrorReport.withoutStackTrace(error.getClass().getName(), error.getClass().getName());
        }
    }

    /** Keeps the text, and each {@code println(Object)} argument, which is how {@code printStackTrace} writes. */
    private static final class CallRecorder extends PrintWriter {
        private final StringWriter text;
        private final List<String> calls = new ArrayList<>();

        CallRecorder() {
            this(new StringWriter(512));
        }

        private CallRecorder(StringWriter text) {
            super(text);
            this.text = text;
        }

        @Override
        public void println(Object x) {
            String line = String.valueOf(x);
            calls.add(line);
            super.println(line);
        }
    }
}
