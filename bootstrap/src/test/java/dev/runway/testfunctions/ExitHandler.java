package dev.runway.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Ends the JVM at once with the exit status the event holds (plain text), as a crash or System.exit would. */
public class ExitHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
        String text = new String(input.readAllBytes(), StandardCharsets.UTF_8).trim();
        if (text.equals("ok")) {
            output.write("alive".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Runtime.getRuntime().halt(Integer.parseInt(text));
    }
}
