package dev.runway.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.runway.extensions.ShutdownCallbacks;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Registers a shutdown callback that writes {@code $SHUTDOWN_MARKER}, and a JVM shutdown hook that prints a line;
 * fails when the event is {@code "fail"}.
 */
public class ShutdownCallbackHandler implements RequestStreamHandler {

    static {
        ShutdownCallbacks.register(() -> {
            try {
                Files.writeString(Path.of(System.getenv("SHUTDOWN_MARKER")), "callback ran");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (event.contains("fail")) {
            throw new IllegalStateException("failing on purpose");
        }
        output.write("done".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
