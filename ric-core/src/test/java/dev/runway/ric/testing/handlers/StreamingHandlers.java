package dev.runway.ric.testing.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import dev.runway.ric.HttpResponseStream;
import dev.runway.ric.ResponseStream;
import dev.runway.ric.StreamingRequestHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Streaming handlers for the loop tests. */
public final class StreamingHandlers {

    private StreamingHandlers() {}

    /**
     * Sends "first", then waits until the test has seen that chunk arrive before sending "second": a response that
     * was buffered instead of streamed never gets past the wait.
     */
    public static class FirstByteBeforeTheEnd implements StreamingRequestHandler {
        /** Counted down by the test when the first chunk reached the platform. */
        public static volatile CountDownLatch firstChunkSeen = new CountDownLatch(1);

        @Override
        public void handleRequest(InputStream input, ResponseStream output, Context context) throws IOException {
            output.setContentType("text/plain");
            output.write("first;".getBytes(StandardCharsets.UTF_8));
            output.flush();
            try {
                if (!firstChunkSeen.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the first chunk never reached the platform while the handler ran");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            output.write("second".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Fails after its first bytes left. */
    public static class FailsMidway implements StreamingRequestHandler {
        @Override
        public void handleRequest(InputStream input, ResponseStream output, Context context) throws IOException {
            output.write("partial".getBytes(StandardCharsets.UTF_8));
            output.flush();
            throw new IllegalStateException("the data source went away");
        }
    }

    /** Fails before writing anything. */
    public static class FailsFirst implements StreamingRequestHandler {
        @Override
        public void handleRequest(InputStream input, ResponseStream output, Context context) {
            throw new IllegalArgumentException("no stream today");
        }
    }

    /** Writes more than a streamed response may carry. */
    public static class WritesTooMuch implements StreamingRequestHandler {
        @Override
        public void handleRequest(InputStream input, ResponseStream output, Context context) throws IOException {
            byte[] block = new byte[64 * 1024];
            for (long sent = 0; sent <= ResponseStream.MAX_BYTES; sent += block.length) {
                output.write(block);
            }
        }
    }

    /** An HTTP response for a function URL: status, headers and a cookie, then a body of server-sent events. */
    public static class ServerSentEvents implements StreamingRequestHandler {
        @Override
        public void handleRequest(InputStream input, ResponseStream output, Context context) throws IOException {
            OutputStream body = HttpResponseStream.open(output, 201,
                    Map.of("content-type", "text/event-stream"), List.of("session=\"a b\""));
            for (int i = 0; i < 3; i++) {
                body.write(("data: event " + i + "\n\n").getBytes(StandardCharsets.UTF_8));
                body.flush();
            }
        }
    }
}
