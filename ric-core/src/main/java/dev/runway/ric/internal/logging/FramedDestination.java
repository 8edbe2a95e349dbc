package dev.runway.ric.internal.logging;

import java.io.FileOutputStream;
import java.io.IOException;

/**
 * The telemetry descriptor: each record becomes one frame, header and payload in a single {@code write(2)}, so
 * that the platform turns it into one log event, whatever newlines it holds.
 *
 * <p>A {@link FileOutputStream}, not a {@code FileChannel}: a channel is closed for good when a thread that
 * writes to it is interrupted, and function code interrupts its threads.
 */
final class FramedDestination implements Destination {

    private final FileOutputStream out;

    FramedDestination(FileOutputStream out) {
        this.out = out;
    }

    @Override
    public void write(FrameBuffer record, int type, long timestampMicros, Target target) throws IOException {
        record.putHeader(type, timestampMicros);
        out.write(record.array(), 0, record.size());
    }
}
