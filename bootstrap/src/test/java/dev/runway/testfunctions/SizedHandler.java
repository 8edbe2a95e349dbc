package dev.runway.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Answers with as many bytes {@code a} as the event says (plain text). */
public class SizedHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
        int size = Integer.parseInt(new String(input.readAllBytes(), StandardCharsets.UTF_8).trim());
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a');
        output.write(bytes);
    }
}
