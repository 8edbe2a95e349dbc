package dev.runway.bootstrap.local.internal.sandbox;

import dev.runway.bootstrap.local.internal.json.Json;
import dev.runway.bootstrap.local.internal.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the platform reads an error the runtime posts: its type header and its body. */
final class ErrorBodies {

    /** The platform's check of {@code Lambda-Runtime-Function-Error-Type}; unanchored, as in the RIE. */
    private static final Pattern ERROR_TYPE = Pattern.compile("(Runtime|Function)\\.[A-Z][a-zA-Z]+");
    private static final String ERROR_CAUSE_TYPE = "application/vnd.aws.lambda.error.cause+json";

    private ErrorBodies() {}

    /**
     * @param header the {@code Lambda-Runtime-Function-Error-Type} header, may be {@code null}
     * @return the error type the platform records: the first valid type in the header, else
     *     {@code Function.Unknown} or {@code Runtime.Unknown}
     */
    static String errorType(String header) {
        if (header != null) {
            Matcher matcher = ERROR_TYPE.matcher(header);
            if (matcher.find()) {
                return matcher.group();
            }
            if (header.startsWith("Function.")) {
                return "Function.Unknown";
            }
        }
        return "Runtime.Unknown";
    }

    /**
     * The body the invoker gets: verbatim, except for the error-cause format, whose {@code errorCause} is
     * stripped (the string {@code "Invalid error body"} when it is no such document).
     */
    static byte[] forInvoker(String contentType, byte[] body) {
        if (contentType == null || !contentType.trim().toLowerCase(java.util.Locale.ROOT).startsWith(ERROR_CAUSE_TYPE)) {
            return body;
        }
        try {
            Object parsed = Json.parse(new String(body, StandardCharsets.UTF_8));
            if (parsed instanceof Map<?, ?> map) {
                Map<String, Object> stripped = new LinkedHashMap<>();
                stripped.put("errorMessage", map.get("errorMessage"));
                stripped.put("errorType", map.get("errorType"));
                stripped.put("stackTrace", map.get("stackTrace"));
                return Json.write(stripped).getBytes(StandardCharsets.UTF_8);
            }
        } catch (JsonException e) {
            // below
        }
        return "\"Invalid error body\"".getBytes(StandardCharsets.UTF_8);
    }
}
