package dev.runway.bootstrap.local.internal.telemetry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** An HTTP subscriber: each batch is POSTed as one JSON array; anything but a 2xx is a failed delivery. */
final class HttpDestination implements Destination {

    /** Bounds a listener that takes the request and never answers: its batch then counts as lost. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http;
    private final URI uri;

    HttpDestination(HttpClient http, URI uri) {
        this.http = http;
        this.uri = uri;
    }

    @Override
    public void send(List<byte[]> events) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write('[');
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.write(events.get(i));
        }
        body.write(']');
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            // The platform is closing: the batch is not delivered.
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while posting to " + uri);
        }
        if (status < 200 || status > 299) {
            throw new IOException("HTTP " + status + " from " + uri);
        }
    }

    @Override
    public void close() {
        // The shared client keeps no connection of this subscriber's own.
    }
}
