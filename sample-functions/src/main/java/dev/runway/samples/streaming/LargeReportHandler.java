package dev.runway.samples.streaming;

import com.amazonaws.services.lambda.runtime.Context;
import dev.runway.ric.ResponseStream;
import dev.runway.ric.StreamingRequestHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Streams a large generated CSV report: the caller starts receiving rows at once, and the function never holds the
 * whole report in memory (a buffered response would be limited to 6 MB; a streamed one may reach 20 MB). The event
 * is the number of rows, e.g. {@code 100000}.
 */
public class LargeReportHandler implements StreamingRequestHandler {

    @Override
    public void handleRequest(InputStream input, ResponseStream output, Context context) throws IOException {
        String requested = new String(input.readAllBytes(), StandardCharsets.UTF_8).trim();
        int rows = requested.isEmpty() ? 1_000 : Integer.parseInt(requested);
        output.setContentType("text/csv");
        output.write("id,name,amount\n".getBytes(StandardCharsets.UTF_8));
        StringBuilder row = new StringBuilder(64);
        for (int i = 1; i <= rows; i++) {
            row.setLength(0);
            row.append(i).append(",item-").append(i).append(',').append(i * 7 % 1000).append('\n');
            output.write(row.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
