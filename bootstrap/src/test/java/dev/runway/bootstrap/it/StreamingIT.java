package dev.runway.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Response streaming end to end: the real {@code bootstrap} in local mode, a streaming handler, and an HTTP client
 * at the invoke endpoint that must receive the first bytes while the handler is still running.
 */
class StreamingIT {

    @TempDir
    Path temp;

    @Test
    void theClientReceivesTheFirstBytesBeforeTheHandlerFinishes() throws Exception {
        Path taskRoot = TestFunctions.taskRoot(Files.createDirectories(temp.resolve("task")));
        Path gate = temp.resolve("first-bytes-received");
        try (LocalEmulator emulator = LocalEmulator.start("streaming", taskRoot,
                "dev.runway.testfunctions.StreamingGateHandler", Map.of(), List.of(), temp)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(emulator.invocations)
                    .timeout(LocalEmulator.WAIT).POST(HttpRequest.BodyPublishers.ofString(gate.toString())).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try (InputStream in = response.body()) {
                byte[] first = in.readNBytes("first;".length());
                body.write(first);
                // Only now may the handler go on: had anything buffered the stream, it would still be waiting.
                Files.createFile(gate);
                in.transferTo(body);
            }
            assertThat(body.toString(StandardCharsets.UTF_8)).isEqualTo("first;second");
        }
    }
}
