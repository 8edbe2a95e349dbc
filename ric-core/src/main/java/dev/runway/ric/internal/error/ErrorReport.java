package dev.runway.ric.internal.error;

import dev.runway.ric.internal.api.ErrorPost;
import dev.runway.wire.internal.json.JsonText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * An error as the platform wants it: {@code {errorMessage, errorType, stackTrace}}.
 *
 * <p>Unlike the managed runtime, the cause chain is kept: after the frames of the thrown exception, the stack
 * trace lists {@code "Caused by: type: message"} and that cause's own frames, as {@code printStackTrace} does,
 * so the JSON keeps its three fields and a reader sees why. Frames of the runtime itself (and the reflection
 * frames that lead into the handler) are removed.
 *
 * @param errorType the exception's class name, or a platform error type
 * @param errorMessage the message, or the class name when the exception has none
 * @param stackTrace the frames, {@code null} for errors the platform reports without a trace
 */
public record ErrorReport(String errorType, String errorMessage, List<String> stackTrace) {

    /** Packages whose frames are the runtime's own, never the function's. */
    private static final String[] RUNTIME_PACKAGES = {"dev.runway.ric.internal.", "dev.runway.bootstrap.internal."};
    /**
     * The largest {@code Lambda-Runtime-Function-XRay-Error-Cause} value sent, in bytes: the managed runtime's
     * bound. Any Runtime API this runtime talks to must accept a request head this large (local mode does).
     */
    public static final int MAX_XRAY_CAUSE_BYTES = 1024 * 1024;
    /** A message longer than this is cut: the whole report must stay well under the platform's 6 MiB. */
    static final int MAX_MESSAGE_CHARS = 64 * 1024;
    /** The frames per exception a too-large X-Ray cause is cut down to before it is dropped altogether. */
    private static final int XRAY_FRAMES_WHEN_CUT = 32;

    /**
     * Describes a throwable.
     *
     * @param error what was thrown
     * @return the report
     */
    public static ErrorReport of(Throwable error) {
        // Never throws: the throwable is the function's, and its getMessage, getCause and getStackTrace are
        // function code too. Whatever of it fails is left out, down to the class name, which cannot fail.
        String type = error.getClass().getName();
        if (error instanceof ReportedAs reported) {
            try {
                String reportedType = reported.reportedErrorType();
                type = reportedType != null ? reportedType : type;
            } catch (Throwable broken) {
                // keep the class name
            }
        }
        List<String> stackTrace;
        try {
            stackTrace = StackTraces.describe(error);
        } catch (Throwable broken) {
            stackTrace = List.of();
        }
        return new ErrorReport(type, messageOf(error), stackTrace);
    }

    /**
     * The least that can be said of a failure: its type, as message too, and no stack trace. What the runtime
     * posts when the platform refused the full report.
     *
     * @return the report
     */
    public ErrorReport minimal() {
        return new ErrorReport(errorType, errorType, null);
    }

    /**
     * Describes an error that has no useful stack, such as a handler class that does not exist.
     *
     * @param errorType the type
     * @param errorMessage the message
     * @return the report
     */
    public static ErrorReport withoutStackTrace(String errorType, String errorMessage) {
        return new ErrorReport(errorType, errorMessage, null);
    }

    /** @return the report as the JSON body of {@code /error} and {@code /init/error} */
    public byte[] toJson() {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"errorMessage\":");
        JsonText.appendString(json, errorMessage, false);
        json.append(",\"errorType\":");
        JsonText.appendString(json, errorType, false);
        if (stackTrace != null) {
            json.append(",\"stackTrace\":[");
            for (int i = 0; i < stackTrace.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                JsonText.appendString(json, stackTrace.get(i), false);
            }
            json.append(']');
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Builds the post for the Runtime API.
     *
     * @param headerErrorType the {@code Lambda-Runtime-Function-Error-Type} value
     * @param cause the exception, to describe for X-Ray; {@code null} sends no X-Ray header
     * @return the post
     */
    public ErrorPost toPost(String headerErrorType, Throwable cause) {
        String xray = null;
        if (cause != null) {
            try {
                xray = xrayCause(cause, Integer.MAX_VALUE);
                if (xray == null) {
                    xray = xrayCause(cause, XRAY_FRAMES_WHEN_CUT);
                }
            } catch (Throwable broken) {
                xray = null; // the X-Ray cause is optional: the report goes without it
            }
        }
        return new ErrorPost(headerErrorType, toJson(), xray);
    }

    /**
     * The {@code Lambda-Runtime-Function-XRay-Error-Cause} value: the working directory, each exception of the
     * chain with its frames, and the source files they name. ASCII only, so it travels as a header.
     *
     * @param maxFrames the frames kept of each exception
     * @return the JSON, or {@code null} when it would exceed {@link #MAX_XRAY_CAUSE_BYTES}
     */
    static String xrayCause(Throwable error, int maxFrames) {
        StringBuilder json = new StringBuilder(512);
        json.append("{\"working_directory\":");
        JsonText.appendString(json, System.getProperty("user.dir", ""), true);
        json.append(",\"exceptions\":[");
        Set<String> paths = new java.util.LinkedHashSet<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean first = true;
        for (Throwable t = error; t != null && seen.add(t); t = StackTraces.causeOf(t)) {
            if (json.length() > MAX_XRAY_CAUSE_BYTES) {
                return null;
            }
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append("{\"message\":");
            JsonText.appendString(json, messageOf(t), true);
            json.append(",\"type\":");
            JsonText.appendString(json, t.getClass().getName(), true);
            json.append(",\"stack\":[");
            List<StackTraceElement> frames = StackTraces.userFrames(StackTraces.framesOf(t));
            for (int i = 0; i < frames.size() && i < maxFrames; i++) {
                StackTraceElement frame = frames.get(i);
                if (i > 0) {
                    json.append(',');
                }
                String file = frame.getFileName() == null ? "" : frame.getFileName();
                json.append("{\"label\":");
                JsonText.appendString(json, frame.getMethodName(), true);
                json.append(",\"path\":");
                JsonText.appendString(json, file, true);
                json.append(",\"line\":").append(frame.getLineNumber()).append('}');
                if (!file.isEmpty()) {
                    paths.add(file);
                }
            }
            json.append("]}");
        }
        json.append("],\"paths\":[");
        List<String> pathList = new ArrayList<>(paths);
        for (int i = 0; i < pathList.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            JsonText.appendString(json, pathList.get(i), true);
        }
        json.append("]}");
        return json.length() > MAX_XRAY_CAUSE_BYTES ? null : json.toString();
    }

    /** The message, cut to {@link #MAX_MESSAGE_CHARS}; the class name when there is none or it cannot be had. */
    static String messageOf(Throwable error) {
        String message;
        try {
            message = error.getLocalizedMessage();
        } catch (Throwable broken) {
            message = null;
        }
        if (message == null) {
            return error.getClass().getName();
        }
        return cut(message, MAX_MESSAGE_CHARS);
    }

    /** Cuts {@code text} to at most {@code max} chars, never between the two halves of a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "... (" + (text.length() - end) + " more chars)";
    }

    static boolean isRuntimeFrame(StackTraceElement frame) {
        String className = frame.getClassName();
        for (String prefix : RUNTIME_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
