package dev.runway.ric.testing.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes as many bytes of 'x' as the event (a decimal number) asks for. */
public class SizedResponseHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        int size = Integer.parseInt(new String(input.readAllBytes(), StandardCharsets.US_ASCII).trim());
        byte[] block = new byte[64 * 1024];
        java.util.Arrays.fill(block, (byte) 'x');
        for (int left = size; left > 0; left -= block.length) {
            output.write(block, 0, Math.min(left, block.length));
        }
    }
}
