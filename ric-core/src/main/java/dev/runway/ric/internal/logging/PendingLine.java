package dev.runway.ric.internal.logging;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What one thread has written to a stream since its last record ended, in UTF-8, and, while that thread is inside
 * {@code printStackTrace}, the lines still to come that the runtime already wrote as part of the trace's record.
 * Owned by one thread; locked only so that the runtime can flush it when it stops.
 */
final class PendingLine {

    private final FrameBuffer bytes = new FrameBuffer();
    private List<String> expected;
    private int next;

    boolean isEmpty() {
        return bytes.payloadLength() == 0;
    }

    FrameBuffer buffer() {
        return bytes;
    }

    /** @return the text so far, emptied */
    String take() {
        String text = new String(bytes.array(), FrameBuffer.HEADER_BYTES, bytes.payloadLength(), StandardCharsets.UTF_8);
        bytes.reset();
        return text;
    }

    void clear() {
        bytes.reset();
    }

    /** From now on, {@code lines} are the {@code println} calls {@code printStackTrace} will still make. */
    void expect(List<String> lines) {
        expected = lines;
        next = 0;
    }

    boolean expectsTraceLines() {
        return expected != null;
    }

    /**
     * @return whether {@code line} is the next line of the trace being printed, which was written already; any
     *     other line ends the trace
     */
    boolean swallow(Object line) {
        if (line instanceof String s && s.equals(expected.get(next))) {
            if (++next == expected.size()) {
                expected = null;
            }
            return true;
        }
        expected = null;
        return false;
    }

    void stopExpecting() {
        expected = null;
    }
}
