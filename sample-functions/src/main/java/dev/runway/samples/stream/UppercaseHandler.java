package dev.runway.samples.stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A stream handler: it gets the event's bytes and writes the response's bytes, with no JSON mapping in
 * between. It answers the event, read as UTF-8 text, in upper case. Handler string:
 * {@code dev.runway.samples.stream.UppercaseHandler}.
 */
public class UppercaseHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        // Locale.ROOT: the result must not depend on the machine's language (Turkish dotless i).
        output.write(text.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }
}
