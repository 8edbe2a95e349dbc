package dev.runway.bootstrap.local.internal.telemetry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of the current init, from {@code platform.initStart} to {@code platform.initReport}, kept for the
 * subscribers that come later in that init: Lambda gives them the whole init's telemetry. Bounded (1 000 events,
 * 256 KiB: one batch at the smallest buffering a subscriber may ask for, so a replay is never dropped for being
 * too big); what does not fit is counted, per category, and reported to each late subscriber that wants it as
 * dropped. Guarded by the hub.
 */
final class InitReplay {

    static final int MAX_EVENTS = 1_000;
    static final int MAX_BYTES = 256 * 1024;
    static final String NOT_KEPT = "Some logs were dropped because more init events were emitted before the subscription than the platform keeps";

    private record Kept(String category, byte[] event) {}

    private final List<Kept> events = new ArrayList<>();
    private final Map<String, long[]> overflow = new HashMap<>();
    private int bytes;
    private boolean recording;

    /** A new init: what the last one kept is forgotten. */
    void start() {
        events.clear();
        overflow.clear();
        bytes = 0;
        recording = true;
    }

    /** The init is over: later events are not kept (what was kept stays until the next init, for a late subscriber). */
    void stop() {
        recording = false;
    }

    /** @return whether events are being kept now, during an init */
    boolean recording() {
        return recording;
    }

    void record(String category, byte[] event) {
        if (!recording) {
            return;
        }
        if (events.size() < MAX_EVENTS && bytes + event.length <= MAX_BYTES) {
            events.add(new Kept(category, event));
            bytes += event.length;
        } else {
            long[] lost = overflow.computeIfAbsent(category, c -> new long[2]);
            lost[0]++;
            lost[1] += event.length;
        }
    }

    /** Gives a new subscriber the init's events it wants, and counts those not kept as dropped. */
    void replayTo(Subscriber subscriber) {
        for (Kept kept : events) {
            if (subscriber.wants(kept.category())) {
                subscriber.offer(kept.event());
            }
        }
        overflow.forEach((category, lost) -> {
            if (subscriber.wants(category)) {
                subscriber.dropped(lost[0], lost[1], NOT_KEPT);
            }
        });
    }
}
