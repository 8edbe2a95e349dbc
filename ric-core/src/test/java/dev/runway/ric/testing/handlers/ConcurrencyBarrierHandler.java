package dev.runway.ric.testing.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * Waits until four invocations are inside the handler at once, so a test can prove that four loops run
 * concurrently; answers with its thread's name and the request id.
 */
public class ConcurrencyBarrierHandler implements RequestStreamHandler {
    /** Shared by the invocations of one test. */
    public static final CyclicBarrier BARRIER = new CyclicBarrier(4);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
        try {
            BARRIER.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the four invocations did not run at once", e);
        }
        output.write((Thread.currentThread().getName() + " " + context.getAwsRequestId()).getBytes(StandardCharsets.UTF_8));
    }
}
