package dev.runway.ric.internal.error;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Turns a throwable and its causes into the {@code stackTrace} lines of an error report. */
final class StackTraces {

    private static final int MAX_LINES = 1_000;
    /**
     * The longest line kept. With {@link #MAX_LINES} and the message bound, a report stays under 4 MiB of JSON
     * even when every char needs a six-byte escape, so it always fits the platform's 6 MiB.
     */
    private static final int MAX_LINE_CHARS = 512;

    private StackTraces() {}

    /**
     * Lists the frames of {@code error}, then for each cause a {@code Caused by:} line and its frames, with the
     * frames a cause shares with the exception it caused folded into {@code ... N more}, as the JDK prints them.
     * A cause cycle ends the chain.
     */
    static List<String> describe(Throwable error) {
        List<String> lines = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(error);
        List<StackTraceElement> enclosing = userFrames(framesOf(error));
        addFrames(lines, enclosing, List.of());
        for (Throwable cause = causeOf(error); cause != null && seen.add(cause); cause = causeOf(cause)) {
            if (lines.size() >= MAX_LINES) {
                break;
            }
            String message = messageOf(cause);
            lines.add(ErrorReport.cut("Caused by: " + cause.getClass().getName() + (message == null ? "" : ": " + message),
                    MAX_LINE_CHARS));
            List<StackTraceElement> frames = userFrames(framesOf(cause));
            addFrames(lines, frames, enclosing);
            enclosing = frames;
        }
        return lines.size() > MAX_LINES ? lines.subList(0, MAX_LINES) : lines;
    }

    /** @return the frames, none when {@code getStackTrace} (function code) fails or returns nothing */
    static StackTraceElement[] framesOf(Throwable t) {
        try {
            StackTraceElement[] frames = t.getStackTrace();
            if (frames == null) {
                return new StackTraceElement[0];
            }
            for (StackTraceElement frame : frames) {
                if (frame == null) {
                    return Arrays.stream(frames).filter(java.util.Objects::nonNull).toArray(StackTraceElement[]::new);
                }
            }
            return frames;
        } catch (Throwable broken) {
            return new StackTraceElement[0];
        }
    }

    /** @return the cause, {@code null} when there is none or {@code getCause} (function code) fails */
    static Throwable causeOf(Throwable t) {
        try {
            return t.getCause();
        } catch (Throwable broken) {
            return null;
        }
    }

    private static String messageOf(Throwable t) {
        try {
            return t.getLocalizedMessage();
        } catch (Throwable broken) {
            return null;
        }
    }

    /**
     * The frames above the runtime: everything from the first frame of the runtime on is cut, and so are the
     * reflection frames that lead from the runtime into the handler.
     */
    static List<StackTraceElement> userFrames(StackTraceElement[] trace) {
        int end = 0;
        while (end < trace.length && !ErrorReport.isRuntimeFrame(trace[end])) {
            end++;
        }
        if (end < trace.length) {
            while (end > 0 && isReflectionFrame(trace[end - 1])) {
                end--;
            }
        }
        return Arrays.asList(trace).subList(0, end);
    }

    private static void addFrames(List<String> lines, List<StackTraceElement> frames, List<StackTraceElement> enclosing) {
        int shared = 0;
        while (shared < frames.size() && shared < enclosing.size()
                && frames.get(frames.size() - 1 - shared).equals(enclosing.get(enclosing.size() - 1 - shared))) {
            shared++;
        }
        for (int i = 0; i < frames.size() - shared; i++) {
            lines.add(format(frames.get(i)));
        }
        if (shared > 0) {
            lines.add("... " + shared + " more");
        }
    }

    /** {@code pkg.Class.method(File.java:12)}, the managed runtime's format, without module names. */
    static String format(StackTraceElement frame) {
        String file = frame.getFileName();
        int line = frame.getLineNumber();
        String location;
        if (frame.isNativeMethod()) {
            location = "Native Method";
        } else if (file == null) {
            location = "Unknown Source";
        } else {
            location = line >= 0 ? file + ":" + line : file;
        }
        return ErrorReport.cut(frame.getClassName() + "." + frame.getMethodName() + "(" + location + ")", MAX_LINE_CHARS);
    }

    private static boolean isReflectionFrame(StackTraceElement frame) {
        String c = frame.getClassName();
        return c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.")
                || c.startsWith("java.lang.invoke.") || c.startsWith("sun.reflect.");
    }
}
