package dev.runway.wire.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A scripted peer for byte-level tests: each {@link #open()} hands out the next scripted answer as an input that
 * returns at most one piece per read (a partial read at each piece boundary), and records what the client wrote.
 */
final class Script implements Connector {

    private final Deque<List<byte[]>> answers = new ArrayDeque<>();
    private final List<ByteArrayOutputStream> written = new ArrayList<>();
    private int closes;

    /** Adds the answer of the next connection, as pieces. */
    Script answer(byte[]... pieces) {
        answers.add(List.of(pieces));
        return this;
    }

    Script answer(String... pieces) {
        byte[][] bytes = new byte[pieces.length][];
        for (int i = 0; i < pieces.length; i++) {
            bytes[i] = pieces[i].getBytes(StandardCharsets.ISO_8859_1);
        }
        return answer(bytes);
    }

    @Override
    public Transport open() throws IOException {
        if (answers.isEmpty()) {
            throw new java.net.ConnectException("no more scripted connections");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        written.add(out);
        return new Transport(new Pieces(answers.poll()), out, () -> closes++);
    }

    /** @return how many connections were opened */
    int opened() {
        return written.size();
    }

    int closes() {
        return closes;
    }

    /** @return what the client wrote on the {@code n}th connection, as ISO-8859-1 text */
    String written(int n) {
        return written.get(n).toString(StandardCharsets.ISO_8859_1);
    }

    /** Splits {@code bytes} at the given offsets. */
    static byte[][] split(byte[] bytes, int... at) {
        List<byte[]> pieces = new ArrayList<>();
        int from = 0;
        for (int offset : at) {
            pieces.add(java.util.Arrays.copyOfRange(bytes, from, offset));
            from = offset;
        }
        pieces.add(java.util.Arrays.copyOfRange(bytes, from, bytes.length));
        return pieces.toArray(new byte[0][]);
    }

    /** Each byte its own piece. */
    static byte[][] bytewise(byte[] bytes) {
        byte[][] pieces = new byte[bytes.length][];
        for (int i = 0; i < bytes.length; i++) {
            pieces[i] = new byte[] {bytes[i]};
        }
        return pieces;
    }

    /** Returns the pieces in turn, never more than one per read; then the end of the stream. */
    private static final class Pieces extends InputStream {
        private final Deque<byte[]> pieces;
        private byte[] current = new byte[0];
        private int pos;

        Pieces(List<byte[]> pieces) {
            this.pieces = new ArrayDeque<>(pieces);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            while (pos == current.length) {
                if (pieces.isEmpty()) {
                    return -1;
                }
                current = pieces.poll();
                pos = 0;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
