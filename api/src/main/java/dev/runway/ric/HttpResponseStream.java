package dev.runway.ric;

import dev.runway.wire.internal.json.JsonText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Starts a streamed HTTP response for a function URL or API Gateway: the status, headers and cookies go first, as
 * the HTTP integration's prelude (a JSON object, then eight zero bytes, with content type
 * {@value #CONTENT_TYPE}), and everything written afterwards is the body.
 *
 * <pre>{@code
 * OutputStream body = HttpResponseStream.open(output, 200, Map.of("content-type", "text/event-stream"), List.of());
 * body.write("data: hello\n\n".getBytes(UTF_8));
 * body.flush();
 * }</pre>
 */
public final class HttpResponseStream {

    /** The content type that tells the platform a prelude precedes the body. */
    public static final String CONTENT_TYPE = "application/vnd.awslambda.http-integration-response";

    private static final byte[] DELIMITER = new byte[8];

    private HttpResponseStream() {}

    /**
     * Writes the prelude.
     *
     * @param output the function's response stream, nothing written to it yet
     * @param statusCode the HTTP status
     * @param headers response headers
     * @param cookies {@code Set-Cookie} values
     * @return the stream to write the body to (the same stream)
     * @throws IOException when the prelude cannot be sent
     * @throws IllegalStateException when bytes were already written
     */
    public static OutputStream open(ResponseStream output, int statusCode, Map<String, String> headers,
            List<String> cookies) throws IOException {
        output.setContentType(CONTENT_TYPE);
        output.write(prelude(statusCode, headers, cookies));
        output.write(DELIMITER);
        return output;
    }

    static byte[] prelude(int statusCode, Map<String, String> headers, List<String> cookies) {
        StringBuilder json = new StringBuilder(128).append("{\"statusCode\":").append(statusCode).append(",\"headers\":{");
        boolean first = true;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            json.append(first ? "" : ",");
            JsonText.appendString(json, header.getKey(), false);
            json.append(':');
            JsonText.appendString(json, header.getValue(), false);
            first = false;
        }
        json.append("},\"cookies\":[");
        for (int i = 0; i < cookies.size(); i++) {
            json.append(i == 0 ? "" : ",");
            JsonText.appendString(json, cookies.get(i), false);
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
