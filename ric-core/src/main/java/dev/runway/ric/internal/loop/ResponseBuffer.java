package dev.runway.ric.internal.loop;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The response payload of one invocation, reused by its loop from one invocation to the next so a warm loop
 * allocates nothing for responses that fit the buffer it already has.
 *
 * <p>It keeps at most {@code limit} bytes: past that, bytes are counted but dropped, so a handler that writes
 * far more than the platform accepts cannot exhaust the heap, and the loop can still report the real size.
 * Not thread-safe: one buffer belongs to one loop.
 *
 * <p>Once the handler returned, the buffer is {@linkplain #seal() sealed}: a handler that kept the stream and
 * writes to it later (from a thread it left running) gets an {@link IOException}, the posted bytes cannot change
 * under the post, and the loop, seeing the buffer {@linkplain #leaked() leaked}, takes a fresh one, so the stray
 * writer can never reach a later invocation's response.
 */
public final class ResponseBuffer extends OutputStream {

    private static final int INITIAL_CAPACITY = 8 * 1024;

    private final int limit;
    private byte[] bytes = new byte[INITIAL_CAPACITY];
    private int count;
    private long written;
    private volatile boolean sealed;
    private volatile boolean leaked;

    /**
     * @param limit the largest payload kept, in bytes
     */
    public ResponseBuffer(int limit) {
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        checkOpen();
        if (ensureRoom(1) > 0) {
            bytes[count++] = (byte) b;
        }
        written++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        checkOpen();
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        int kept = ensureRoom(len);
        System.arraycopy(b, off, bytes, count, kept);
        count += kept;
        written += len;
    }

    private void checkOpen() throws IOException {
        if (sealed) {
            leaked = true;
            throw new IOException("this response stream belonged to an invocation that has ended");
        }
    }

    /** Ends the writing: the handler returned, and what it wrote is the response. */
    public void seal() {
        sealed = true;
    }

    /** @return whether something wrote to the buffer after it was sealed: it must not serve again */
    public boolean leaked() {
        return leaked;
    }

    /** Returns how many of {@code wanted} bytes fit under the limit, growing the array for them. */
    private int ensureRoom(int wanted) {
        int kept = (int) Math.min(wanted, (long) limit - count);
        if (kept <= 0) {
            return 0;
        }
        int needed = count + kept;
        if (needed > bytes.length) {
            int grown = (int) Math.min(Math.max((long) bytes.length * 2, needed), limit);
            bytes = Arrays.copyOf(bytes, grown);
        }
        return kept;
    }

    /** @return the backing array; its first {@link #size()} bytes are the payload */
    public byte[] array() {
        return bytes;
    }

    /** @return the number of bytes kept */
    public int size() {
        return count;
    }

    /** @return the number of bytes the handler wrote, including those dropped past the limit */
    public long written() {
        return written;
    }

    /** @return whether the handler wrote more than the limit */
    public boolean overflowed() {
        return written > limit;
    }

    /** @return the largest payload kept */
    public int limit() {
        return limit;
    }

    /** Empties the buffer for the next invocation, keeping its capacity. */
    public void reset() {
        count = 0;
        written = 0;
        sealed = false;
    }
}
