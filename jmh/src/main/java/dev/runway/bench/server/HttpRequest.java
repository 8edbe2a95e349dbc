package dev.runway.bench.server;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads HTTP/1.1 requests from one keep-alive connection into reused buffers: the request line, the few headers
 * the server needs, and the body ({@code Content-Length} or chunked).
 *
 * <p>The server must cost the same for every client and as little as possible, so it allocates only the target
 * string of each request. It answers {@code Expect: 100-continue}, which curl (inside the official RIC) sends
 * for large bodies.
 */
final class HttpRequest {

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int limit;

    private boolean get;
    private String target;
    private byte[] body = new byte[8 * 1024];
    private int bodyLength;

    HttpRequest(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /**
     * Reads the next request.
     *
     * @return {@code false} when the client closed the connection between requests
     * @throws IOException when the connection fails or the request is malformed
     */
    boolean read() throws IOException {
        int lineEnd = lineEnd();
        if (lineEnd < 0) {
            return false;
        }
        parseRequestLine(lineEnd);
        long contentLength = 0;
        boolean chunked = false;
        boolean expectContinue = false;
        while ((lineEnd = lineEnd()) > pos) {
            if (headerIs("content-length", lineEnd)) {
                contentLength = Long.parseLong(value(lineEnd));
            } else if (headerIs("transfer-encoding", lineEnd)) {
                chunked = value(lineEnd).toLowerCase(java.util.Locale.ROOT).contains("chunked");
            } else if (headerIs("expect", lineEnd)) {
                expectContinue = value(lineEnd).equalsIgnoreCase("100-continue");
            }
            pos = lineEnd + 2;
        }
        if (lineEnd < 0) {
            throw new EOFException("connection closed inside a request head");
        }
        pos = lineEnd + 2;
        if (expectContinue) {
            out.write(CONTINUE);
        }
        bodyLength = 0;
        if (chunked) {
            readChunkedBody();
        } else {
            readBody((int) contentLength);
        }
        return true;
    }

    /** @return whether the request is a {@code GET} (the server answers only GET and POST) */
    boolean isGet() {
        return get;
    }

    /** @return the request target, such as {@code /2018-06-01/runtime/invocation/next} */
    String target() {
        return target;
    }

    /** @return the body buffer; its first {@link #bodyLength()} bytes are the body */
    byte[] body() {
        return body;
    }

    int bodyLength() {
        return bodyLength;
    }

    /** Blocks until the client closes the connection, discarding whatever it sends. */
    void drainToEnd() {
        try {
            while (in.read(buffer) >= 0) {
                // The client is waiting for an event that will not come; it is about to be killed.
            }
        } catch (IOException closed) {
            // killed: the connection is gone either way
        }
    }

    private void parseRequestLine(int lineEnd) throws ProtocolException {
        int space = indexOf((byte) ' ', pos, lineEnd);
        int secondSpace = space < 0 ? -1 : indexOf((byte) ' ', space + 1, lineEnd);
        if (secondSpace < 0) {
            throw new ProtocolException("bad request line: " + new String(buffer, pos, lineEnd - pos, StandardCharsets.ISO_8859_1));
        }
        get = space - pos == 3 && buffer[pos] == 'G';
        target = new String(buffer, space + 1, secondSpace - space - 1, StandardCharsets.ISO_8859_1);
        pos = lineEnd + 2;
    }

    private boolean headerIs(String lowerName, int lineEnd) {
        int n = lowerName.length();
        if (lineEnd - pos <= n || buffer[pos + n] != ':') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            int b = buffer[pos + i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lowerName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String value(int lineEnd) {
        int colon = indexOf((byte) ':', pos, lineEnd);
        return new String(buffer, colon + 1, lineEnd - colon - 1, StandardCharsets.ISO_8859_1).trim();
    }

    private void readBody(int length) throws IOException {
        ensureBody(length);
        int buffered = Math.min(length, limit - pos);
        System.arraycopy(buffer, pos, body, 0, buffered);
        pos += buffered;
        int done = buffered;
        while (done < length) {
            int n = in.read(body, done, length - done);
            if (n < 0) {
                throw new EOFException("connection closed inside a request body");
            }
            done += n;
        }
        bodyLength = length;
    }

    private void readChunkedBody() throws IOException {
        while (true) {
            int lineEnd = lineEnd();
            if (lineEnd < 0) {
                throw new EOFException("connection closed inside a chunked body");
            }
            int size = 0;
            for (int i = pos; i < lineEnd && Character.digit(buffer[i], 16) >= 0; i++) {
                size = size * 16 + Character.digit(buffer[i], 16);
            }
            pos = lineEnd + 2;
            if (size == 0) {
                while ((lineEnd = lineEnd()) > pos) {
                    pos = lineEnd + 2; // trailers
                }
                pos = lineEnd + 2;
                return;
            }
            ensureBody(bodyLength + size);
            while (size > 0) {
                if (pos == limit && fill() < 0) {
                    throw new EOFException("connection closed inside a chunk");
                }
                int n = Math.min(size, limit - pos);
                System.arraycopy(buffer, pos, body, bodyLength, n);
                pos += n;
                bodyLength += n;
                size -= n;
            }
            if (lineEnd() != pos) {
                throw new ProtocolException("chunk not followed by CRLF");
            }
            pos += 2;
        }
    }

    private void ensureBody(int length) {
        if (length > body.length) {
            body = Arrays.copyOf(body, Math.max(length, body.length * 2));
        }
    }

    /**
     * Makes sure the line starting at {@link #pos} is buffered. It rescans from {@link #pos} after each read:
     * a request head nearly always arrives in one read, so that costs nothing.
     *
     * @return the index of the CR ending the line, or -1 at the end of the stream
     */
    private int lineEnd() throws IOException {
        while (true) {
            for (int i = pos; i + 1 < limit; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                    return i;
                }
            }
            if (fill() < 0) {
                return -1;
            }
        }
    }

    /** Compacts the buffer and reads more; returns what {@link InputStream#read} returned. */
    private int fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buffer.length) {
            throw new ProtocolException("request head line longer than " + buffer.length + " bytes");
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n > 0) {
            limit += n;
        }
        return n;
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
