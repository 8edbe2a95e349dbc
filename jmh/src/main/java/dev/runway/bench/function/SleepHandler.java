package dev.runway.bench.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Waits as long as the event says (milliseconds, e.g. {@code 5}), as a function waiting on a downstream call does,
 * then echoes its request id: the concurrency benchmark's function, whose own time is known exactly.
 */
public class SleepHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long millis = Long.parseLong(new String(input.readAllBytes(), StandardCharsets.US_ASCII).trim());
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        output.write(context.getAwsRequestId().getBytes(StandardCharsets.US_ASCII));
    }
}
