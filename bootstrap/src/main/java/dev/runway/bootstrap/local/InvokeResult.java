package dev.runway.bootstrap.local;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What an invoker gets back from the embedded platform: what the invoke endpoint would answer over HTTP.
 *
 * @param status the HTTP status: 200 for a result, a function error or a timeout; 502 for a failed init or a crash
 * @param headers the response headers, such as {@code X-Amz-Function-Error} on an error
 * @param body the body; a streamed response's chunks, concatenated
 * @param trailers a streamed response's trailers, such as {@code Lambda-Runtime-Function-Error-Type}
 */
public record InvokeResult(int status, Map<String, String> headers, byte[] body, Map<String, String> trailers) {

    /** @return the body as UTF-8 text */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return whether the function failed: an error response, a timeout, a crash or a failed init */
    public boolean isError() {
        return status != 200 || headers.containsKey("X-Amz-Function-Error") || headers.containsKey("Error-Type")
                || trailers.containsKey("Lambda-Runtime-Function-Error-Type")
                || bodyText().startsWith("Task timed out after ");
    }
}
