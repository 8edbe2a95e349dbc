package dev.runway.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.ric.ResponseStream;
import dev.runway.samples.streaming.LargeReportHandler;
import dev.runway.samples.streaming.ServerSentEventsHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The streaming samples called directly, writing to an in-memory response stream that records its flushes. */
class StreamingSamplesTest {

    private final TestContext context = new TestContext();

    @Test
    void theReportStreamsOneCsvRowPerRequestedRow() throws IOException {
        RecordingStream out = new RecordingStream();
        new LargeReportHandler().handleRequest(new ByteArrayInputStream("3".getBytes(StandardCharsets.UTF_8)), out, context);

        assertThat(out.contentType).isEqualTo("text/csv");
        assertThat(out.text()).isEqualTo("id,name,amount\n1,item-1,7\n2,item-2,14\n3,item-3,21\n");
    }

    @Test
    void serverSentEventsFollowTheHttpPreludeAndAreFlushedOneByOne() throws IOException {
        RecordingStream out = new RecordingStream();
        new ServerSentEventsHandler().handleRequest(new ByteArrayInputStream(new byte[0]), out, context);

        assertThat(out.contentType).isEqualTo("application/vnd.awslambda.http-integration-response");
        String text = out.text();
        int delimiter = text.indexOf("\0\0\0\0\0\0\0\0");
        assertThat(text.substring(0, delimiter)).startsWith("{\"statusCode\":200,").contains("\"content-type\":\"text/event-stream\"");
        assertThat(text.substring(delimiter + 8)).startsWith("event: progress\ndata: {\"step\":1,\"of\":5}\n\n")
                .endsWith("event: done\ndata: {}\n\n");
        assertThat(out.flushes).isEqualTo(5);
    }

    /** A response stream in memory. */
    private static final class RecordingStream extends ResponseStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private String contentType = "application/octet-stream";
        private int flushes;

        @Override
        public void setContentType(String contentType) {
            this.contentType = contentType;
        }

        @Override
        public boolean isCommitted() {
            return bytes.size() > 0;
        }

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void flush() {
            flushes++;
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
