package dev.runway.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import dev.runway.ric.ResponseStream;
import dev.runway.ric.StreamingRequestHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams "first;", then waits until the file named by the event exists (the test creates it once it has received
 * those bytes) before streaming "second": a response that is buffered anywhere on the way never gets past the
 * wait, and ends with "timeout" instead.
 */
public class StreamingGateHandler implements StreamingRequestHandler {

    @Override
    public void handleRequest(InputStream input, ResponseStream output, Context context) throws IOException {
        Path gate = Path.of(new String(input.readAllBytes(), StandardCharsets.UTF_8).trim());
        output.setContentType("text/plain");
        output.write("first;".getBytes(StandardCharsets.UTF_8));
        output.flush();
        for (int i = 0; i < 3_000 && !Files.exists(gate); i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        output.write((Files.exists(gate) ? "second" : "timeout").getBytes(StandardCharsets.UTF_8));
    }
}
