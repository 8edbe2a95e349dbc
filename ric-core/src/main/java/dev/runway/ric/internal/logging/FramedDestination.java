package dev.runway.ric.internal.logging;

import java.io.FileOutputStream;
import java.io.IOException;

/**
 * The telemetry descriptor: each record becomes one frame, header and payload in a single {@code write(2)}, so
 * that the platform turns it into one log event, whatever newlines it holds.
 *
 * <p>A {@link FileOutputStream}, not a {@code FileChannel}: a channel is closed for good when a thread that
 * writes to it is interrupted, and function code interrupts its threads.
 *
 * <p>A process that logs a lot switches to {@link DirectFileWrite} (a fifth cheaper per record) after
 * {@value #DIRECT_AFTER} frames. Not from the start: finding the JDK's dispatcher costs about 4 ms of method-handle
 * set-up, which a cold start should not pay for a function that logs a few lines.
 */
final class FramedDestination implements Destination {

    /** Frames written through the stream before the switch to the direct way is tried, once. */
    static final int DIRECT_AFTER = 10_000;

    private final FileOutputStream out;
    /** {@code null} until the switch, and for good when the JDK's dispatcher cannot be reached. */
    private DirectFileWrite direct;
    private int untilDirect = DIRECT_AFTER;

    FramedDestination(FileOutputStream out) {
        this.out = out;
    }

    /** @return whether frames are now written through the JDK's dispatcher rather than the stream */
    boolean direct() {
        return direct != null;
    }

    @Override
    public void write(FrameBuffer record, int type, long timestampMicros, Target target) throws IOException {
        record.putHeader(type, timestampMicros);
        if (direct != null) {
            direct.write(record.array(), 0, record.size());
            return;
        }
        out.write(record.array(), 0, record.size());
        // Called under the record writer's lock: no other thread sees these fields change.
        if (untilDirect > 0 && --untilDirect == 0) {
            direct = DirectFileWrite.open(out);
        }
    }
}
