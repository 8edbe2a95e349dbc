package dev.runway.bootstrap.local.internal.telemetry;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.List;

/** Where one subscriber's batches go: its HTTP listener or its TCP port, on this machine. */
interface Destination extends AutoCloseable {

    /**
     * Delivers one batch, from the subscriber's sending thread (one batch at a time).
     *
     * @param events the batch's events, each one JSON document in UTF-8
     * @throws IOException when the subscriber did not take it
     */
    void send(List<byte[]> events) throws IOException;

    /** Lets go of a connection, if any; a send that is under way fails. */
    @Override
    void close();

    static Destination of(Subscription subscription, HttpClient http) {
        return subscription.httpUri() != null
                ? new HttpDestination(http, subscription.httpUri())
                : new TcpDestination(subscription.tcpPort());
    }
}
