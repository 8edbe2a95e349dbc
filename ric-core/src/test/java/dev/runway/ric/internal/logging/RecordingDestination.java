package dev.runway.ric.internal.logging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every frame written, header included, as the platform would read it. */
final class RecordingDestination implements Destination {

    /** One frame as written. */
    record Frame(int type, int length, long timestampMicros, String payload, Target target) {}

    final List<Frame> frames = new CopyOnWriteArrayList<>();

    @Override
    public void write(FrameBuffer record, int type, long timestampMicros, Target target) {
        record.putHeader(type, timestampMicros);
        ByteBuffer bytes = ByteBuffer.wrap(record.array(), 0, record.size());
        int t = bytes.getInt();
        int length = bytes.getInt();
        long micros = bytes.getLong();
        String payload = new String(record.array(), FrameBuffer.HEADER_BYTES, length, StandardCharsets.UTF_8);
        frames.add(new Frame(t, length, micros, payload, target));
    }

    List<String> payloads() {
        return frames.stream().map(Frame::payload).toList();
    }
}
