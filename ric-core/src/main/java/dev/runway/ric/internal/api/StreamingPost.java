package dev.runway.ric.internal.api;

import dev.runway.wire.internal.http.Http1Connection;
import java.io.IOException;
import java.util.Base64;

/**
 * A response being streamed to the Runtime API: chunks as the handler produces them, then the end of the body,
 * with the error trailers when the handler failed after the first byte.
 */
public final class StreamingPost {

    private final Http1Connection connection;
    private final String address;

    StreamingPost(Http1Connection connection, String address) {
        this.connection = connection;
        this.address = address;
    }

    /**
     * Sends bytes as one chunk.
     *
     * @throws IOException when the platform went away: the handler learns it from its write
     */
    public void send(byte[] data, int offset, int length) throws IOException {
        connection.writeChunk(data, offset, length);
    }

    /**
     * Ends the body.
     *
     * @return the platform's answer
     */
    public PostResult finish() {
        return end("");
    }

    /**
     * Ends the body with the error trailers: the type, and the error report as base64.
     *
     * @param errorType the {@code Lambda-Runtime-Function-Error-Type}
     * @param errorBody the error report JSON
     * @return the platform's answer
     */
    public PostResult fail(String errorType, byte[] errorBody) {
        return end("Lambda-Runtime-Function-Error-Type: " + errorType + "\r\n"
                + "Lambda-Runtime-Function-Error-Body: " + Base64.getEncoder().encodeToString(errorBody) + "\r\n");
    }

    private PostResult end(String trailers) {
        try {
            byte[] body = connection.finishChunked(trailers);
            return new PostResult(connection.status(), body);
        } catch (IOException e) {
            throw new RuntimeApiUnavailableException("invocation/response (streaming)", address, 1, e);
        }
    }

}
