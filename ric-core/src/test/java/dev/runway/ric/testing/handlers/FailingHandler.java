package dev.runway.ric.testing.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;

/** Throws an exception with a cause, to check the error report. */
public class FailingHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        try {
            Integer.parseInt("not a number");
        } catch (NumberFormatException e) {
            throw new IllegalStateException("order 42 cannot be priced", e);
        }
    }
}
