package dev.runway.bootstrap.local.internal.sandbox;

import dev.runway.bootstrap.local.internal.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** The platform's error documents: {@code {"errorMessage":"...","errorType":"..."}}, in that order, as the RIE writes them. */
final class Errors {

    private Errors() {}

    static String json(String errorType, String errorMessage) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorMessage", errorMessage);
        error.put("errorType", errorType);
        return Json.write(error);
    }

    /** As an invoker sees a platform error: type first, then the message. */
    static String invokeJson(String errorType, String errorMessage) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorType", errorType);
        error.put("errorMessage", errorMessage);
        return Json.write(error);
    }

    /** How Go's {@code exec.ExitError} describes an exit status, which the platform quotes. */
    static String exitDetail(int status) {
        if (status > 128 && status < 160) {
            String signal = switch (status - 128) {
                case 9 -> "killed";
                case 15 -> "terminated";
                case 6 -> "aborted";
                case 11 -> "segmentation fault";
                case 2 -> "interrupt";
                case 1 -> "hangup";
                default -> "signal " + (status - 128);
            };
            return "signal: " + signal;
        }
        return "exit status " + status;
    }

    static String runtimeExit(int status) {
        return status == 0 ? "Runtime exited without providing a reason" : "Runtime exited with error: " + exitDetail(status);
    }

    static String invalidTransition(String from, String to) {
        return json("InvalidStateTransition", "State transition from " + from + " to " + to
                + " failed for runtime. Error: State transition is not allowed");
    }
}
