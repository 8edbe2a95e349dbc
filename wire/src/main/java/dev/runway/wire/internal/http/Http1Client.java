package dev.runway.wire.internal.http;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;

/**
 * A request/response client over one {@link Http1Connection} for the calls off the hot path (the Extensions and
 * Telemetry APIs): each call builds its head, every response field is kept.
 *
 * <p>A kept-alive connection the server closed while idle fails the next request before any answer; such a request
 * is sent once more on a fresh connection. A request the server answered, even in part, is never sent again.
 * Not thread-safe: callers serialise their calls; {@link #abort()} may come from any thread.
 */
public final class Http1Client implements Closeable {

    private final HostPort address;
    private final String host;
    private final AllFields fields = new AllFields();
    private final Http1Connection connection;
    private final RequestHead head = new RequestHead();
    private volatile boolean aborted;

    /**
     * @param address where the API listens; the connection opens on the first call
     */
    public Http1Client(HostPort address) {
        this(address, Connector.socket(address.resolve()));
    }

    /**
     * @param address the address for the {@code Host} field
     * @param connector opens the transport
     */
    public Http1Client(HostPort address, Connector connector) {
        this.address = address;
        this.host = address.toString();
        this.connection = new Http1Connection(connector, fields);
    }

    /** @return where this client connects */
    public HostPort address() {
        return address;
    }

    /**
     * Sends one request and reads the whole answer.
     *
     * @param method the method
     * @param target the path, starting with {@code /}
     * @param headerFields extra request fields
     * @param body the body, or {@code null} for none (then no {@code Content-Length} on a {@code GET})
     * @return the answer
     * @throws IOException when the API cannot be reached, or answers something that breaks HTTP/1.1 framing
     */
    public HttpResponse send(String method, String target, Map<String, String> headerFields, byte[] body)
            throws IOException {
        head.start(method, target).field("Host", host);
        headerFields.forEach(head::field);
        int length = body == null ? 0 : body.length;
        if (body != null || !method.equals("GET")) {
            head.field("Content-Length", Integer.toString(length));
        }
        head.end();
        boolean reused = connection.state() == ExchangeState.IDLE;
        byte[] answer;
        try {
            answer = connection.exchange(head.bytes(), head.length(), body, length);
        } catch (IOException e) {
            if (!reused || connection.statusReceived() || aborted) {
                throw e;
            }
            // A kept-alive connection the server had closed: one fresh attempt.
            answer = connection.exchange(head.bytes(), head.length(), body, length);
        }
        return new HttpResponse(connection.status(), fields.fields(), answer);
    }

    /** Closes the connection from another thread: a call blocked on it fails with an {@link IOException}. */
    public void abort() {
        aborted = true; // the call this fails must not try again
        connection.abort();
    }

    /** Closes the connection; only from the thread that makes the calls (others: {@link #abort()}). */
    @Override
    public void close() {
        connection.close();
    }
}
