package dev.runway.wire.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The write side of a connection: a request head with its whole body, or the chunks of a streamed body (RFC 9112
 * section 7.1) and its end with a trailer section (section 7.1.2). Coalesces what it can into one write, so a
 * small request leaves in one segment despite {@code TCP_NODELAY}.
 */
final class RequestWriter {

    /** Up to this many bytes are copied into one write; larger bodies are written as they are. */
    static final int COALESCE_LIMIT = 64 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};

    /** Grows on demand up to {@link #COALESCE_LIMIT}: an extension's small requests never pay for the largest. */
    private byte[] buffer = new byte[4096];

    /** Writes a head and its {@code Content-Length} body, and flushes. */
    void write(OutputStream out, byte[] head, int headLength, byte[] body, int bodyLength) throws IOException {
        if (headLength + bodyLength <= COALESCE_LIMIT) {
            ensure(headLength + bodyLength);
            System.arraycopy(head, 0, buffer, 0, headLength);
            if (bodyLength > 0) {
                System.arraycopy(body, 0, buffer, headLength, bodyLength);
            }
            out.write(buffer, 0, headLength + bodyLength);
        } else {
            out.write(head, 0, headLength);
            out.write(body, 0, bodyLength);
        }
        out.flush();
    }

    /** Writes the head of a request whose body follows as chunks, and flushes. */
    void writeHead(OutputStream out, byte[] head, int headLength) throws IOException {
        out.write(head, 0, headLength);
        out.flush();
    }

    /**
     * Writes one chunk, {@code chunk-size CRLF chunk-data CRLF}, in one write when it fits, and flushes it to the
     * network: a streamed response reaches the client as the handler writes it.
     */
    void writeChunk(OutputStream out, byte[] data, int offset, int length) throws IOException {
        int n = chunkSize(length);
        if (n + length + 2 <= COALESCE_LIMIT) {
            ensure(n + length + 2);
            System.arraycopy(data, offset, buffer, n, length);
            buffer[n + length] = '\r';
            buffer[n + length + 1] = '\n';
            out.write(buffer, 0, n + length + 2);
        } else {
            out.write(buffer, 0, n);
            out.write(data, offset, length);
            out.write(CRLF);
        }
        out.flush();
    }

    /**
     * Ends a chunked body: {@code last-chunk trailer-section CRLF}.
     *
     * @param trailers the trailer field lines, each ending with CRLF, or an empty string
     */
    void writeLastChunk(OutputStream out, String trailers) throws IOException {
        out.write(("0\r\n" + trailers + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Writes {@code <hex size>CRLF} at the start of the buffer; returns its length. */
    private int chunkSize(int size) {
        ensure(16);
        int digits = Math.max(1, (35 - Integer.numberOfLeadingZeros(size)) / 4);
        for (int i = digits - 1, v = size; i >= 0; i--, v >>>= 4) {
            buffer[i] = (byte) Character.forDigit(v & 0xf, 16);
        }
        buffer[digits] = '\r';
        buffer[digits + 1] = '\n';
        return digits + 2;
    }

    private void ensure(int length) {
        if (length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(COALESCE_LIMIT, Math.max(length, buffer.length * 2)));
        }
    }
}
