package dev.runway.wire.internal.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;

/**
 * The read side of a connection: one fixed buffer that holds whole lines (status, fields, chunk sizes, trailers)
 * and passes body bytes through. Allocates nothing after construction.
 */
final class InputBuffer {

    private final byte[] buffer = new byte[Limits.MAX_LINE_BYTES];
    private InputStream in;
    private int pos;
    private int limit;

    /** Starts reading a new stream; whatever was buffered from the previous one is dropped. */
    void attach(InputStream input) {
        in = input;
        pos = 0;
        limit = 0;
    }

    void detach() {
        attach(null);
    }

    byte[] bytes() {
        return buffer;
    }

    int position() {
        return pos;
    }

    /**
     * Makes sure a whole line is buffered from {@link #position()}. Lines end with CRLF (RFC 9112 section 2.2); a
     * bare LF is not taken for one, as no Lambda API sends it.
     *
     * @return the index of its CR, or -1 at the end of the stream before a whole line
     * @throws ProtocolException when the line is longer than {@link Limits#MAX_LINE_BYTES}
     */
    int readLine() throws IOException {
        int scanFrom = pos;
        while (true) {
            for (int i = scanFrom; i + 1 < limit; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                    return i;
                }
            }
            scanFrom = Math.max(pos, limit - 1);
            if (pos > 0) {
                int shift = pos;
                System.arraycopy(buffer, pos, buffer, 0, limit - pos);
                limit -= shift;
                pos = 0;
                scanFrom -= shift;
            }
            if (limit == buffer.length) {
                throw new ProtocolException("a response line longer than " + Limits.MAX_LINE_BYTES + " bytes");
            }
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                return -1;
            }
            limit += n;
        }
    }

    /** Moves past a line whose CR is at {@code cr}. */
    void consumeLine(int cr) {
        pos = cr + 2;
    }

    /**
     * Reads exactly {@code length} bytes, the buffered ones first.
     *
     * @throws EOFException when the stream ends before
     */
    void readFully(byte[] target, int offset, int length, String where) throws IOException {
        int done = 0;
        while (done < length) {
            int n = read(target, offset + done, length - done);
            if (n < 0) {
                throw new EOFException("the server closed the connection inside " + where);
            }
            done += n;
        }
    }

    /**
     * Reads what is buffered, or else what one read of the stream gives.
     *
     * @return how many bytes were read, or -1 at the end of the stream
     */
    int read(byte[] target, int offset, int length) throws IOException {
        int buffered = limit - pos;
        if (buffered > 0) {
            int n = Math.min(length, buffered);
            System.arraycopy(buffer, pos, target, offset, n);
            pos += n;
            return n;
        }
        return in.read(target, offset, length);
    }
}
