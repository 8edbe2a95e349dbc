package dev.runway.ric.testing.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Reports whether its thread arrived interrupted, then leaves the interrupt flag set. */
public class InterruptingHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
        boolean arrivedInterrupted = Thread.currentThread().isInterrupted();
        Thread.currentThread().interrupt();
        output.write(("arrivedInterrupted=" + arrivedInterrupted).getBytes(StandardCharsets.UTF_8));
    }
}
