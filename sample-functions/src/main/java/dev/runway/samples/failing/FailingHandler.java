package dev.runway.samples.failing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A handler that always throws, with a cause, to show what the caller gets back: the invocation fails with
 * {@code {"errorMessage":"Order 42 cannot be shipped","errorType":"java.lang.IllegalStateException",
 * "stackTrace":[...]}}, where the stack trace goes on with the causes. Handler string:
 * {@code dev.runway.samples.failing.FailingHandler}.
 */
public class FailingHandler implements RequestHandler<Map<String, Object>, String> {

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        Object order = event == null ? 42 : event.getOrDefault("orderId", 42);
        try {
            return ship(order);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("Order " + order + " cannot be shipped", e);
        }
    }

    private static String ship(Object order) {
        throw new UncheckedIOException("Warehouse unreachable while shipping order " + order,
                new IOException("Connection refused"));
    }
}
