package dev.runway.ric.internal.logging;

import java.io.PrintStream;

/**
 * Standard output and error, as they were before the runtime replaced {@code System.out} and {@code System.err}:
 * each record is a line, ended with a newline unless it has one.
 */
final class ConsoleDestination implements Destination {

    private final PrintStream out;
    private final PrintStream err;

    ConsoleDestination(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void write(FrameBuffer record, int type, long timestampMicros, Target target) {
        int end = record.size();
        if (end == FrameBuffer.HEADER_BYTES || record.byteAt(end - 1) != '\n') {
            record.append((byte) '\n');
        }
        PrintStream stream = target == Target.ERR ? err : out;
        stream.write(record.array(), FrameBuffer.HEADER_BYTES, record.payloadLength());
        stream.flush();
    }
}
