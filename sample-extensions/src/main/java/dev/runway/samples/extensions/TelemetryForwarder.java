package dev.runway.samples.extensions;

import dev.runway.extensions.Event;
import dev.runway.extensions.EventType;
import dev.runway.extensions.Extension;
import dev.runway.extensions.telemetry.TelemetryEvent;
import dev.runway.extensions.telemetry.TelemetrySubscriber;
import dev.runway.extensions.telemetry.TelemetryType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An external extension that forwards the function's telemetry: each batch is appended to {@code FORWARD_TO_FILE}
 * as JSON lines, or POSTed to {@code FORWARD_TO_URL} as a JSON array. Before each {@code /event/next} it waits for
 * the invocation's {@code platform.runtimeDone}, so an invocation's telemetry is shipped before the environment
 * freezes; at SHUTDOWN it drains what is left.
 */
public final class TelemetryForwarder {

    private TelemetryForwarder() {}

    /**
     * @param args unused
     */
    public static void main(String[] args) {
        Sink sink = Sink.fromEnvironment();
        TelemetrySubscriber telemetry = TelemetrySubscriber.builder()
                .types(TelemetryType.PLATFORM, TelemetryType.FUNCTION)
                .processor(sink::send)
                .build();
        Extension.builder()
                .events(EventType.INVOKE, EventType.SHUTDOWN)
                .onInit(telemetry::start)
                .onEvent(event -> {
                    switch (event) {
                        case Event.Invoke invoke -> telemetry.awaitRuntimeDone(invoke.requestId(), invoke.deadlineMs());
                        case Event.Shutdown shutdown -> {
                            telemetry.flush(shutdown.deadlineMs() - 200);
                            telemetry.close();
                        }
                    }
                })
                .build()
                .runAndExit();
    }

    /** Where batches go. */
    private interface Sink {

        void send(List<TelemetryEvent> batch) throws IOException, InterruptedException;

        static Sink fromEnvironment() {
            String file = System.getenv("FORWARD_TO_FILE");
            String url = System.getenv("FORWARD_TO_URL");
            if (file != null && !file.isBlank()) {
                Path path = Path.of(file);
                return batch -> Files.writeString(path, batch.stream().map(TelemetryEvent::json)
                                .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            if (url != null && !url.isBlank()) {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                URI target = URI.create(url);
                return batch -> http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(batch.stream().map(TelemetryEvent::json)
                                .collect(Collectors.joining(",", "[", "]"))))
                        .build(), HttpResponse.BodyHandlers.discarding());
            }
            // Standard error, not output: the forwarder does not subscribe to extension logs, but a user might.
            return batch -> batch.forEach(event -> System.err.println("[telemetry-forwarder] " + event.type()));
        }
    }
}
