package dev.runway.bench.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Waits as long as the event says (milliseconds, e.g. {@code 5}), as a function waiting on a downstream call does,
 * then answers {@code <request id> <System.nanoTime() at its start> <and at its end>}: the concurrency benchmark's
 * function. The benchmark subtracts the time the handler itself measured (a sleep overshoots by a varying amount on a
 * loaded machine), splits what is left into the way in and the way out (the client and the function share the
 * machine's monotonic clock), and checks the request id against the one the platform sent back, to catch crossed
 * invocations.
 */
public class SleepHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long start = System.nanoTime();
        long millis = Long.parseLong(new String(input.readAllBytes(), StandardCharsets.US_ASCII).trim());
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        long end = System.nanoTime();
        String answer = context.getAwsRequestId() + " " + start + " " + end;
        output.write(answer.getBytes(StandardCharsets.US_ASCII));
    }
}
