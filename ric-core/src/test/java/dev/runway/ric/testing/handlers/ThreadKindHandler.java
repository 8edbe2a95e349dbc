package dev.runway.ric.testing.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Answers whether its thread is virtual, with the thread's name and the request id it serves. */
public class ThreadKindHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
        Thread t = Thread.currentThread();
        output.write(("virtual=" + t.isVirtual() + " name=" + t.getName() + " id=" + context.getAwsRequestId())
                .getBytes(StandardCharsets.UTF_8));
    }
}
