package dev.runway.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Sleeps for the number of milliseconds the event holds (plain text), then answers {@code slept <n> ms}. */
public class SleepHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long millis = Long.parseLong(new String(input.readAllBytes(), StandardCharsets.UTF_8).trim());
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sleeping", e);
        }
        output.write(("slept " + millis + " ms").getBytes(StandardCharsets.UTF_8));
    }
}
