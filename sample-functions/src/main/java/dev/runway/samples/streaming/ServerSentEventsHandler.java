package dev.runway.samples.streaming;

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

/**
 * A function URL answering with server-sent events: HTTP status and headers first (the HTTP integration prelude),
 * then one event per step, each flushed so the browser sees it at once.
 */
public class ServerSentEventsHandler implements StreamingRequestHandler {

    private static final int STEPS = 5;

    @Override
    public void handleRequest(InputStream input, ResponseStream output, Context context) throws IOException {
        OutputStream events = HttpResponseStream.open(output, 200,
                Map.of("content-type", "text/event-stream", "cache-control", "no-cache"), List.of());
        for (int step = 1; step <= STEPS; step++) {
            events.write(("event: progress\ndata: {\"step\":" + step + ",\"of\":" + STEPS + "}\n\n")
                    .getBytes(StandardCharsets.UTF_8));
            events.flush();
        }
        events.write("event: done\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
    }
}
