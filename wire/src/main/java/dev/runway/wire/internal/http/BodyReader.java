package dev.runway.wire.internal.http;

import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.util.Arrays;

/**
 * Reads a response body as its head frames it, into one array: exactly {@code Content-Length} bytes, the chunked
 * coding with its trailer section, or everything up to the close. Never holds more than {@link Limits#MAX_BODY_BYTES},
 * and past {@link Limits#TRUSTED_BODY_BYTES} grows only with the bytes that actually came.
 */
final class BodyReader {

    private static final byte[] EMPTY = new byte[0];

    private byte[] body;
    private int size;

    /**
     * @return the body; a body of known length up to {@link Limits#TRUSTED_BODY_BYTES} is read into an array of
     *     exactly its size, with no copy
     */
    byte[] read(InputBuffer input, BodyFraming framing, long contentLength) throws IOException {
        body = EMPTY;
        size = 0;
        try {
            // if/else, not a switch: an enum switch costs a synthetic class, loaded on every cold start.
            if (framing == BodyFraming.NONE) {
                return EMPTY;
            } else if (framing == BodyFraming.CONTENT_LENGTH) {
                append(input, (int) contentLength, "a body");
            } else if (framing == BodyFraming.CHUNKED) {
                readChunked(input);
            } else {
                readUntilClose(input);
            }
            return size == body.length ? body : Arrays.copyOf(body, size);
        } finally {
            body = null;
        }
    }

    /**
     * RFC 9112 section 7.1: {@code chunked-body = *chunk last-chunk trailer-section CRLF}, each chunk
     * {@code chunk-size [ chunk-ext ] CRLF chunk-data CRLF}.
     */
    private void readChunked(InputBuffer input) throws IOException {
        while (true) {
            int cr = input.readLine();
            if (cr < 0) {
                throw new EOFException("the server closed the connection inside a chunked body");
            }
            int chunk = chunkSize(input.bytes(), input.position(), cr);
            input.consumeLine(cr);
            if (chunk == 0) {
                skipTrailers(input);
                return;
            }
            if ((long) size + chunk > Limits.MAX_BODY_BYTES) {
                throw new ProtocolException("a chunked body larger than " + Limits.MAX_BODY_BYTES + " bytes");
            }
            append(input, chunk, "a chunk");
            cr = input.readLine();
            if (cr != input.position()) {
                throw new ProtocolException("a chunk not followed by CRLF");
            }
            input.consumeLine(cr);
        }
    }

    /**
     * RFC 9112 section 7.1: {@code chunk-size = 1*HEXDIG}, then optional chunk extensions
     * ({@code BWS ";" ...}), which section 7.1.1 says a recipient ignores when it does not know them.
     */
    private static int chunkSize(byte[] b, int start, int end) throws ProtocolException {
        long value = 0;
        int i = start;
        for (; i < end; i++) {
            int digit = Character.digit(b[i], 16);
            if (digit < 0) {
                break;
            }
            value = value * 16 + digit;
            if (value > Limits.MAX_BODY_BYTES) {
                throw new ProtocolException("a chunk larger than " + Limits.MAX_BODY_BYTES + " bytes");
            }
        }
        int digitsEnd = i;
        while (i < end && Ascii.isWhitespace(b[i])) {
            i++;
        }
        if (digitsEnd == start || (i < end && b[i] != ';')) {
            throw new ProtocolException("bad chunk size line: " + Ascii.excerpt(b, start, end));
        }
        return (int) value;
    }

    /**
     * RFC 9112 section 7.1.2: the trailer section after the last chunk, field lines up to an empty line. No Lambda
     * API sends trailers in a response; they are read (bounded as a head's fields are) and dropped.
     */
    private static void skipTrailers(InputBuffer input) throws IOException {
        int lines = 0;
        int cr;
        while ((cr = input.readLine()) > input.position()) {
            if (++lines > Limits.MAX_FIELD_LINES) {
                throw new ProtocolException("more than " + Limits.MAX_FIELD_LINES + " trailer lines");
            }
            input.consumeLine(cr);
        }
        if (cr < 0) {
            throw new EOFException("the server closed the connection inside the trailer section");
        }
        input.consumeLine(cr);
    }

    /** RFC 9112 section 6.3 rule 8: a response without declared length runs to the close, here bounded. */
    private void readUntilClose(InputBuffer input) throws IOException {
        while (true) {
            if (size == body.length) {
                if (size == Limits.MAX_BODY_BYTES) {
                    if (input.read(new byte[1], 0, 1) < 0) {
                        return;
                    }
                    throw new ProtocolException("a response body larger than " + Limits.MAX_BODY_BYTES + " bytes");
                }
                body = Arrays.copyOf(body, (int) Math.min(Limits.MAX_BODY_BYTES, Math.max(8192L, body.length * 2L)));
            }
            int n = input.read(body, size, body.length - size);
            if (n < 0) {
                return;
            }
            size += n;
        }
    }

    /** Appends exactly {@code length} bytes, growing the array as they arrive past the trusted size. */
    private void append(InputBuffer input, int length, String where) throws IOException {
        int target = size + length;
        while (size < target) {
            if (size == body.length) {
                long grown = body.length == 0 ? Limits.TRUSTED_BODY_BYTES : body.length * 2L;
                body = Arrays.copyOf(body, (int) Math.min(grown, target));
            }
            int n = Math.min(body.length, target) - size;
            input.readFully(body, size, n, where);
            size += n;
        }
    }
}
