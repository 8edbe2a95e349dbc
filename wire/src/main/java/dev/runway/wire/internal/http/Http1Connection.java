package dev.runway.wire.internal.http;

import java.io.Closeable;
import java.io.IOException;
import java.net.ProtocolException;

/**
 * One keep-alive HTTP/1.1 connection: a request with a {@code Content-Length} body or a chunked one (with
 * trailers), and a response framed as RFC 9112 section 6.3 says, read whole. The transport opens on the first
 * request and again after the server closed it; any failure closes it, so a broken stream is never reused.
 *
 * <p>Its {@link ExchangeState} is explicit and every operation checks it: calling out of turn is an
 * {@link ExchangeStateException} before a byte moves. {@link #statusReceived()} tells a caller whether the server
 * answered before a failure: a request it answered must not be sent again.
 *
 * <p>There is no read timeout: a Lambda API answers a long poll only when it has an event. Not thread-safe: one
 * thread makes the calls; another may only {@link #abort()}.
 */
public final class Http1Connection implements Closeable {

    /** How many interim (1xx) responses may precede the final one. */
    private static final int MAX_INTERIM_RESPONSES = 16;

    private final Connector connector;
    private final FieldSink fields;
    private final InputBuffer input = new InputBuffer();
    private final RequestWriter writer = new RequestWriter();
    private final ResponseHead head = new ResponseHead();
    private final BodyReader bodyReader = new BodyReader();
    private volatile Transport transport;
    private ExchangeState state = ExchangeState.CLOSED;
    private boolean statusReceived;
    /** Whether the connection failed while a chunked body was being written: that body cannot go on. */
    private boolean bodyBroken;

    /**
     * @param connector opens the transport
     * @param fields receives each response's header fields
     */
    public Http1Connection(Connector connector, FieldSink fields) {
        this.connector = connector;
        this.fields = fields;
    }

    /**
     * Sends one request with its whole body and reads the response.
     *
     * @param requestHead the request line and fields, ending with the empty line; {@code Content-Length} included
     * @param headLength how many bytes of {@code requestHead} to send
     * @param body the body, may be {@code null} when {@code bodyLength} is 0
     * @param bodyLength how many bytes of {@code body} to send
     * @return the response body; the status is then {@link #status()}, the fields are in the {@link FieldSink}
     * @throws IOException when the connection fails or the response breaks the framing rules (then closed)
     * @throws ExchangeStateException when a chunked request is in progress
     */
    public byte[] exchange(byte[] requestHead, int headLength, byte[] body, int bodyLength) throws IOException {
        statusReceived = false;
        openIfClosed();
        moveTo(ExchangeState.WRITING_REQUEST_BODY);
        try {
            writer.write(transport.output(), requestHead, headLength, body, bodyLength);
            return readResponse();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Sends the head of a request whose body follows as chunks ({@code Transfer-Encoding: chunked}).
     *
     * @throws IOException when the connection fails; a streamed body cannot be retried past this point
     */
    public void startChunked(byte[] requestHead, int headLength) throws IOException {
        statusReceived = false;
        openIfClosed();
        moveTo(ExchangeState.WRITING_REQUEST_BODY);
        try {
            writer.writeHead(transport.output(), requestHead, headLength);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Sends one chunk and flushes it. An empty one is skipped: a zero-length chunk would end the body.
     *
     * @throws IOException when the connection fails, or failed earlier during this body: a streamed body cannot
     *     continue on a new connection
     */
    public void writeChunk(byte[] data, int offset, int length) throws IOException {
        requireStreaming();
        if (length == 0) {
            return;
        }
        try {
            writer.writeChunk(transport.output(), data, offset, length);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Ends a chunked body, with trailer fields when there are any, and reads the response.
     *
     * @param trailers the trailer field lines, each ending with CRLF, or an empty string
     * @return the response body
     * @throws IOException when the connection fails, or failed earlier during this body
     */
    public byte[] finishChunked(String trailers) throws IOException {
        requireStreaming();
        try {
            writer.writeLastChunk(transport.output(), trailers);
            return readResponse();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** @return the last response's status code */
    public int status() {
        return head.status();
    }

    /**
     * @return whether the last exchange got as far as a status line: the server then took the request, and it must
     *     not be sent again even if the rest of the response was lost
     */
    public boolean statusReceived() {
        return statusReceived;
    }

    /** @return where the exchange is */
    public ExchangeState state() {
        return state;
    }

    /**
     * Closes the transport from another thread, so that a call blocked on it fails with an {@link IOException};
     * that call then moves the connection to {@link ExchangeState#CLOSED}.
     */
    public void abort() {
        Transport t = transport;
        if (t != null) {
            t.close();
        }
    }

    /** Closes the transport; the next request opens a new one. Only from the thread that makes the calls. */
    @Override
    public void close() {
        Transport t = transport;
        transport = null;
        input.detach();
        if (state != ExchangeState.CLOSED) { // a second close keeps what the first one learnt
            bodyBroken = state == ExchangeState.WRITING_REQUEST_BODY;
        }
        state = ExchangeState.CLOSED;
        if (t != null) {
            t.close();
        }
    }

    private void openIfClosed() throws IOException {
        if (state == ExchangeState.CLOSED) {
            Transport t = connector.open();
            transport = t;
            bodyBroken = false;
            input.attach(t.input());
            moveTo(ExchangeState.IDLE);
        }
    }

    /** A chunk or the end of a body: the body must have been started, and the connection still be open. */
    private void requireStreaming() throws IOException {
        if (state == ExchangeState.CLOSED && bodyBroken) {
            throw new IOException("the connection was lost during a streamed request body");
        }
        if (state != ExchangeState.WRITING_REQUEST_BODY) {
            throw new ExchangeStateException(state, ExchangeState.WRITING_REQUEST_BODY);
        }
    }

    private byte[] readResponse() throws IOException {
        moveTo(ExchangeState.READING_RESPONSE_HEADERS);
        int interim = 0;
        do {
            head.readStatusLine(input);
            statusReceived = true;
            head.readFields(input, fields);
            if (head.status() == 101) {
                throw new ProtocolException("the server switched protocols, which no request asked for");
            }
            if (head.interim() && ++interim > MAX_INTERIM_RESPONSES) {
                throw new ProtocolException("more than " + MAX_INTERIM_RESPONSES + " interim (1xx) responses");
            }
        } while (head.interim());
        moveTo(ExchangeState.READING_RESPONSE_BODY);
        byte[] body = bodyReader.read(input, head.framing(), head.contentLength());
        if (head.persistent()) {
            moveTo(ExchangeState.IDLE);
        } else {
            close();
        }
        return body;
    }

    private void moveTo(ExchangeState next) {
        state = state.check(next);
    }
}
