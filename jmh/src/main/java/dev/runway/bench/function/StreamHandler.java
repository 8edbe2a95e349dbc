package dev.runway.bench.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The stream benchmark function: echoes the event with ASCII letters upper-cased. No JSON library is involved,
 * so the harness sees the runtime's own cost with nothing of a serializer's.
 */
public class StreamHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        for (int i = 0; i < event.length; i++) {
            byte b = event[i];
            if (b >= 'a' && b <= 'z') {
                event[i] = (byte) (b - ('a' - 'A'));
            }
        }
        output.write(event);
    }
}
