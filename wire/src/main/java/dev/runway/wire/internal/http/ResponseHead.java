package dev.runway.wire.internal.http;

import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;

/**
 * Reads one response head (status line and field lines) and keeps what frames the message: the status, the
 * protocol version, {@code Content-Length}, {@code Transfer-Encoding} and {@code Connection}. Reused from one
 * response to the next; the fields it does not frame with go to the {@link FieldSink} only.
 */
final class ResponseHead {

    private static final byte[] CONTENT_LENGTH = Ascii.bytes("content-length");
    private static final byte[] TRANSFER_ENCODING = Ascii.bytes("transfer-encoding");
    private static final byte[] CONNECTION = Ascii.bytes("connection");
    private static final byte[] CHUNKED = Ascii.bytes("chunked");
    private static final byte[] CLOSE = Ascii.bytes("close");

    private int status;
    private boolean http10;
    /** The declared length, or -1 when there is no {@code Content-Length}. */
    private long contentLength;
    private boolean transferEncoding;
    /** Whether the last coding of the last {@code Transfer-Encoding} line is {@code chunked}. */
    private boolean chunkedLast;
    private boolean connectionClose;

    int status() {
        return status;
    }

    long contentLength() {
        return contentLength;
    }

    /**
     * Reads the status line. Does not read the fields: the caller learns first that the server answered.
     *
     * @throws EOFException when the stream ends before a whole status line, so before the server answered
     */
    void readStatusLine(InputBuffer input) throws IOException {
        status = 0;
        http10 = false;
        contentLength = -1;
        transferEncoding = false;
        chunkedLast = false;
        connectionClose = false;
        int cr = input.readLine();
        if (cr < 0) {
            throw new EOFException("the server closed the connection before answering");
        }
        parseStatusLine(input.bytes(), input.position(), cr);
        input.consumeLine(cr);
    }

    /**
     * RFC 9112 section 4: {@code status-line = HTTP-version SP status-code SP [ reason-phrase ]}, the version
     * {@code HTTP/1.x} (section 2.3), the code three digits. The reason phrase is ignored, as section 4 advises;
     * a missing SP after the code is tolerated.
     */
    private void parseStatusLine(byte[] b, int start, int end) throws ProtocolException {
        if (end - start < 12 || b[start] != 'H' || b[start + 1] != 'T' || b[start + 2] != 'T' || b[start + 3] != 'P'
                || b[start + 4] != '/' || b[start + 5] != '1' || b[start + 6] != '.' || b[start + 7] < '0'
                || b[start + 7] > '9' || b[start + 8] != ' ' || (end - start > 12 && b[start + 12] != ' ')) {
            throw new ProtocolException("not an HTTP/1.x status line: " + Ascii.excerpt(b, start, end));
        }
        http10 = b[start + 7] == '0';
        int code = 0;
        for (int i = start + 9; i < start + 12; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new ProtocolException("bad status code: " + Ascii.excerpt(b, start, end));
            }
            code = code * 10 + digit;
        }
        if (code < 100) {
            throw new ProtocolException("bad status code: " + Ascii.excerpt(b, start, end));
        }
        status = code;
    }

    /**
     * Reads the field lines up to the empty line that ends the head.
     *
     * @throws ProtocolException when a line is malformed or there are more than {@link Limits#MAX_FIELD_LINES}
     * @throws EOFException when the stream ends inside the head
     */
    void readFields(InputBuffer input, FieldSink sink) throws IOException {
        sink.clear();
        int lines = 0;
        int cr;
        while ((cr = input.readLine()) > input.position()) {
            if (++lines > Limits.MAX_FIELD_LINES) {
                throw new ProtocolException("more than " + Limits.MAX_FIELD_LINES + " response field lines");
            }
            parseField(input.bytes(), input.position(), cr, sink);
            input.consumeLine(cr);
        }
        if (cr < 0) {
            throw new EOFException("the server closed the connection inside the response head");
        }
        input.consumeLine(cr);
    }

    /**
     * RFC 9112 section 5.1: {@code field-line = field-name ":" OWS field-value OWS}, the name a token with no
     * whitespace before the colon (which section 5.1 calls out as a smuggling vector). Obsolete line folding
     * (section 5.2, a line starting with whitespace) is refused as malformed: no Lambda API folds, and a folded
     * line could continue a field this client skipped.
     */
    private void parseField(byte[] b, int start, int end, FieldSink sink) throws ProtocolException {
        int colon = start;
        while (colon < end && Ascii.isToken(b[colon])) {
            colon++;
        }
        if (colon == start || colon == end || b[colon] != ':') {
            throw new ProtocolException("malformed field line: " + Ascii.excerpt(b, start, end));
        }
        int valueStart = colon + 1;
        int valueEnd = end;
        while (valueStart < valueEnd && Ascii.isWhitespace(b[valueStart])) {
            valueStart++;
        }
        while (valueEnd > valueStart && Ascii.isWhitespace(b[valueEnd - 1])) {
            valueEnd--;
        }
        int nameLength = colon - start;
        if (nameLength == CONTENT_LENGTH.length && Ascii.equalsIgnoreCase(CONTENT_LENGTH, b, start)) {
            contentLength(b, valueStart, valueEnd);
        } else if (nameLength == TRANSFER_ENCODING.length && Ascii.equalsIgnoreCase(TRANSFER_ENCODING, b, start)) {
            transferEncoding = true;
            chunkedLast = lastElementIs(CHUNKED, b, valueStart, valueEnd);
        } else if (nameLength == CONNECTION.length && Ascii.equalsIgnoreCase(CONNECTION, b, start)) {
            connectionClose |= hasElement(CLOSE, b, valueStart, valueEnd);
        }
        sink.field(b, start, colon, valueStart, valueEnd);
    }

    /**
     * RFC 9112 section 6.3 rule 5: {@code Content-Length} is digits; a list (or repeated lines) of one same value
     * is that value; anything else makes the framing invalid, an unrecoverable error.
     */
    private void contentLength(byte[] b, int from, int to) throws ProtocolException {
        int i = from;
        do {
            while (i < to && (Ascii.isWhitespace(b[i]) || b[i] == ',')) {
                i++;
            }
            int digits = i;
            long value = 0;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                value = value * 10 + (b[i] - '0');
                if (value > Limits.MAX_BODY_BYTES) {
                    throw new ProtocolException("Content-Length above " + Limits.MAX_BODY_BYTES + ": "
                            + Ascii.excerpt(b, from, to));
                }
                i++;
            }
            while (i < to && Ascii.isWhitespace(b[i])) {
                i++;
            }
            if (i == digits || (i < to && b[i] != ',') || (contentLength >= 0 && contentLength != value)) {
                throw new ProtocolException("bad Content-Length: " + Ascii.excerpt(b, from, to));
            }
            contentLength = value;
        } while (i < to);
    }

    /** Whether the last element of a comma-separated list (RFC 9110 section 5.6.1) is {@code lower}. */
    private static boolean lastElementIs(byte[] lower, byte[] b, int from, int to) {
        int start = to;
        while (start > from && b[start - 1] != ',') {
            start--;
        }
        while (start < to && Ascii.isWhitespace(b[start])) {
            start++;
        }
        return Ascii.rangeEqualsIgnoreCase(lower, b, start, to);
    }

    /** Whether a comma-separated list (RFC 9110 section 5.6.1) has the element {@code lower}. */
    private static boolean hasElement(byte[] lower, byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            while (i < to && (Ascii.isWhitespace(b[i]) || b[i] == ',')) {
                i++;
            }
            int start = i;
            while (i < to && b[i] != ',') {
                i++;
            }
            int end = i;
            while (end > start && Ascii.isWhitespace(b[end - 1])) {
                end--;
            }
            if (Ascii.rangeEqualsIgnoreCase(lower, b, start, end)) {
                return true;
            }
        }
        return false;
    }

    /** Whether this is an interim (1xx) response, which a final one follows (RFC 9110 section 15.2). */
    boolean interim() {
        return status < 200;
    }

    /**
     * RFC 9112 section 6.3, in its order: no body for 1xx, 204 and 304 (rule 1); {@code Transfer-Encoding}
     * overrides {@code Content-Length} (rule 3) and frames the body as chunks when chunked is its final coding,
     * else until the connection closes (rule 4); then {@code Content-Length} (rules 5 and 6); else until close
     * (rule 8).
     */
    BodyFraming framing() {
        if (status < 200 || status == 204 || status == 304) {
            return BodyFraming.NONE;
        }
        if (transferEncoding) {
            return chunkedLast ? BodyFraming.CHUNKED : BodyFraming.UNTIL_CLOSE;
        }
        if (contentLength == 0) {
            return BodyFraming.NONE;
        }
        return contentLength > 0 ? BodyFraming.CONTENT_LENGTH : BodyFraming.UNTIL_CLOSE;
    }

    /**
     * RFC 9112 section 9.3: the connection persists after this response unless it says {@code Connection: close},
     * or is HTTP/1.0 (whose {@code keep-alive} this client does not take up), or its body ran to the close. A
     * response with both {@code Transfer-Encoding} and {@code Content-Length} is also the last on its connection:
     * section 6.3 rule 3 names it a sign of response splitting.
     */
    boolean persistent() {
        BodyFraming framing = framing();
        return !connectionClose && !http10 && framing != BodyFraming.UNTIL_CLOSE
                && !(transferEncoding && contentLength >= 0);
    }
}
