package dev.runway.ric.internal.error;

import dev.runway.ric.internal.api.ErrorPost;
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
    private static final int MAX_XRAY_CAUSE_BYTES = 1024 * 1024;

    /**
     * Describes a throwable.
     *
     * @param error what was thrown
     * @return the report
     */
    public static ErrorReport of(Throwable error) {
        String type = error instanceof ReportedAs reported ? reported.reportedErrorType() : error.getClass().getName();
        return new ErrorReport(type, messageOf(error), StackTraces.describe(error));
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
        return new ErrorPost(headerErrorType, toJson(), cause == null ? null : xrayCause(cause));
    }

    /**
     * The {@code Lambda-Runtime-Function-XRay-Error-Cause} value: the working directory, each exception of the
     * chain with its frames, and the source files they name. ASCII only, so it travels as a header.
     *
     * @return the JSON, or {@code null} when it would exceed 1 MiB
     */
    static String xrayCause(Throwable error) {
        StringBuilder json = new StringBuilder(512);
        json.append("{\"working_directory\":");
        JsonText.appendString(json, System.getProperty("user.dir", ""), true);
        json.append(",\"exceptions\":[");
        Set<String> paths = new java.util.LinkedHashSet<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean first = true;
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append("{\"message\":");
            JsonText.appendString(json, messageOf(t), true);
            json.append(",\"type\":");
            JsonText.appendString(json, t.getClass().getName(), true);
            json.append(",\"stack\":[");
            List<StackTraceElement> frames = StackTraces.userFrames(t.getStackTrace());
            for (int i = 0; i < frames.size(); i++) {
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

    static String messageOf(Throwable error) {
        String message = error.getLocalizedMessage();
        return message != null ? message : error.getClass().getName();
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
