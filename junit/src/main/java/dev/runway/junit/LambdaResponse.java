package dev.runway.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runway.bootstrap.local.InvokeResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an invocation gave back, as a caller of the function would see it: the status, the headers, the body,
 * and, when the function or the platform failed, the error.
 */
public final class LambdaResponse {

    private final InvokeResult result;
    private final ObjectMapper json;

    LambdaResponse(InvokeResult result, ObjectMapper json) {
        this.result = result;
        this.json = json;
    }

    /** @return the HTTP status the invoke endpoint gives: 200, or 502 for a failed init or a crash */
    public int status() {
        return result.status();
    }

    /** @return the response headers */
    public Map<String, String> headers() {
        return result.headers();
    }

    /** @return the request id of the invocation, when there was one */
    public Optional<String> requestId() {
        return Optional.ofNullable(result.headers().get("X-Amzn-RequestId"));
    }

    /** @return the raw body */
    public byte[] body() {
        return result.body().clone();
    }

    /** @return the body as UTF-8 text */
    public String bodyText() {
        return result.bodyText();
    }

    /** @return whether the invocation failed */
    public boolean isError() {
        return result.isError();
    }

    /**
     * Reads the body as a value.
     *
     * @param type the result type
     * @param <T> the result type
     * @return the value
     * @throws LambdaFunctionException when the invocation failed
     */
    public <T> T as(Class<T> type) {
        if (isError()) {
            throw new LambdaFunctionException(this);
        }
        if (type == String.class && !bodyText().startsWith("\"")) {
            return type.cast(bodyText());
        }
        try {
            return json.readValue(result.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("the function's response is no " + type.getName() + ": " + bodyText(), e);
        }
    }

    /** @return the error, when the invocation failed */
    public Optional<FunctionError> error() {
        if (!isError()) {
            return Optional.empty();
        }
        String text = bodyText();
        if (text.startsWith("Task timed out after ")) {
            return Optional.of(new FunctionError("Sandbox.Timedout", text, List.of()));
        }
        String trailerType = result.trailers().get("Lambda-Runtime-Function-Error-Type");
        try {
            JsonNode node = json.readTree(text);
            if (node != null && node.isObject()) {
                List<String> trace = new ArrayList<>();
                node.path("stackTrace").forEach(line -> trace.add(line.asText()));
                return Optional.of(new FunctionError(node.path("errorType").asText(trailerType),
                        node.path("errorMessage").asText(""), trace));
            }
        } catch (IOException notJson) {
            // below
        }
        return Optional.of(new FunctionError(trailerType != null ? trailerType : "Unknown", text, List.of()));
    }

    @Override
    public String toString() {
        return "LambdaResponse[" + status() + " " + bodyText() + "]";
    }
}
