package dev.runway.ric.internal.logging;

import java.io.IOException;

/** Where finished records go: the telemetry descriptor as frames, or the console as lines. */
interface Destination {

    /**
     * Writes one record. Called under the writer's lock, so one record is one write.
     *
     * @param record the payload, after {@link FrameBuffer#HEADER_BYTES} bytes of room for the header
     * @param type the frame type word
     * @param timestampMicros the record's time
     * @param target the console stream, when this destination has two
     * @throws IOException when the descriptor is gone
     */
    void write(FrameBuffer record, int type, long timestampMicros, Target target) throws IOException;
}
