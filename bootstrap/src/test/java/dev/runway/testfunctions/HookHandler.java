package dev.runway.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Registers a JVM shutdown hook that prints a line: it runs only when the platform sends SIGTERM. */
public class HookHandler implements RequestStreamHandler {

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
        output.write("hooked".getBytes(StandardCharsets.UTF_8));
    }
}
