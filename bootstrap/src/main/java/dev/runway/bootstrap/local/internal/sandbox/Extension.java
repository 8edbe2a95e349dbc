package dev.runway.bootstrap.local.internal.sandbox;

import dev.runway.bootstrap.local.internal.http.Exchange;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;

/**
 * A registered extension: its events, its parked {@code /event/next}, the events it has yet to take. Guarded
 * by the {@link Environments}' lock.
 */
final class Extension {

    /** An event waiting for the extension's next {@code /event/next}, and the invocation it belongs to. */
    record Pending(String json, Invocation invocation, boolean shutdown) {}

    final String id;
    final String name;
    final Set<String> events;
    final boolean external;
    /** Whether it has called {@code /event/next} at least once: init waits for that. */
    boolean ready;
    /** The invocation whose INVOKE event it is processing, until it calls {@code /event/next} again. */
    Invocation busyWith;
    /** Whether it reported {@code /init/error} or {@code /exit/error}: it must exit. */
    String reportedError;
    Exchange parkedNext;
    final Deque<Pending> queue = new ArrayDeque<>();

    Extension(String id, String name, Set<String> events, boolean external) {
        this.id = id;
        this.name = name;
        this.events = events;
        this.external = external;
    }

    boolean subscribes(String event) {
        return events.contains(event);
    }

    /** Hands an event over now if the extension waits for one, or queues it. */
    void deliver(Pending event) {
        queue.add(event);
        pump();
    }

    /** Answers the parked {@code /event/next} with the oldest queued event, if both exist. */
    void pump() {
        if (parkedNext == null || queue.isEmpty()) {
            return;
        }
        Pending event = queue.peek();
        Exchange next = parkedNext;
        parkedNext = null;
        Map<String, String> headers = event.shutdown()
                ? Map.of()
                : Map.of("Lambda-Extension-Event-Identifier", java.util.UUID.randomUUID().toString());
        // A waiter that went away keeps the event for the extension's next call.
        if (next.respond(200, "application/json", event.json().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                headers)) {
            queue.poll();
            busyWith = event.invocation();
        }
    }
}
