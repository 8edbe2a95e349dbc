package dev.runway.bootstrap.local.internal.telemetry;

import dev.runway.bootstrap.local.internal.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One subscription's delivery. Events wait in a buffer until it holds {@code maxItems} events or
 * {@code maxBytes} bytes, or its oldest event is {@code timeoutMs} old; the buffer then goes out as one batch, with
 * up to three tries. One batch is out at a time: while it is, the buffer fills, and events that come when it is full
 * are dropped. Those, and the events of a batch that could not be delivered, are counted, and a
 * {@code platform.logsDropped} event that reports them ends the next batch; the count is kept until a batch that
 * carries it is delivered. So however slow or dead the subscriber is, it holds at most two batches in memory.
 * Guarded by this object.
 */
final class Subscriber {

    static final int ATTEMPTS = 3;
    /** The reason Lambda gives (its documentation, the RIE) when a subscriber does not keep up. */
    static final String TOO_SLOW = "Some logs were dropped because the downstream consumer is slower than the logs production rate";

    private final Subscription subscription;
    private final Destination destination;
    private final ScheduledExecutorService timers;
    private final Executor senders;
    private final PrintStream diagnostics;

    private final List<byte[]> buffer = new ArrayList<>();
    private long bufferBytes;
    /** Pending while the buffer's oldest event is younger than timeoutMs; null once it is due (or empty). */
    private ScheduledFuture<?> timer;
    private boolean sending;
    /** No more events come (a new environment, or a new subscription of the extension): what is buffered still goes out. */
    private boolean retired;
    private long droppedRecords;
    private long droppedBytes;
    private String dropReason;

    /** What is sent: the events, and the drops its {@code platform.logsDropped}, if any, reports. */
    private record Batch(List<byte[]> events, long records, long bytes, long reportedRecords, long reportedBytes) {}

    Subscriber(Subscription subscription, Destination destination, ScheduledExecutorService timers, Executor senders,
            PrintStream diagnostics) {
        this.subscription = subscription;
        this.destination = destination;
        this.timers = timers;
        this.senders = senders;
        this.diagnostics = diagnostics;
    }

    /** @return the subscribing extension's name */
    String extension() {
        return subscription.extension();
    }

    /** @return whether this subscriber takes events of the category {@code platform}, {@code function} or {@code extension} */
    boolean wants(String category) {
        return subscription.types().contains(category);
    }

    /**
     * Buffers an event of a category it {@link #wants}, or drops it when the buffer is full and a batch is out.
     *
     * @param event the event, JSON in UTF-8
     */
    synchronized void offer(byte[] event) {
        if (full()) {
            if (sending) {
                dropped(1, event.length, TOO_SLOW);
                return;
            }
            flush();
        }
        buffer.add(event);
        bufferBytes += event.length;
        if (full()) {
            flush();
        } else if (buffer.size() == 1) {
            try {
                timer = timers.schedule(this::flush, subscription.timeoutMs(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                // The platform is closing: its last flush has run, this event stays undelivered.
            }
        }
    }

    /**
     * Counts events this subscriber will not get, to be reported with its next delivered batch.
     *
     * @param records how many
     * @param bytes their size, as JSON in UTF-8
     * @param reason the {@code platform.logsDropped} event's reason
     */
    synchronized void dropped(long records, long bytes, String reason) {
        if (droppedRecords == 0) {
            diagnostics.println("[runway local] Telemetry for extension " + subscription.extension()
                    + ": events dropped (" + reason + "); platform.logsDropped follows when it takes a batch again");
            dropReason = reason;
        }
        droppedRecords += records;
        droppedBytes += bytes;
    }

    /** Sends the buffer now, or as soon as the batch that is out returns. */
    synchronized void flush() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        if (sending || (buffer.isEmpty() && droppedRecords == 0)) {
            return;
        }
        List<byte[]> events = new ArrayList<>(buffer);
        Batch batch = new Batch(events, buffer.size(), bufferBytes, droppedRecords, droppedBytes);
        buffer.clear();
        bufferBytes = 0;
        if (droppedRecords > 0) {
            // Whatever types it subscribed to: the report is about its own stream, the only way it learns of the gap.
            events.add(logsDropped());
        }
        sending = true;
        try {
            senders.execute(() -> deliver(batch));
        } catch (RejectedExecutionException closing) {
            // The platform is closing and no longer sends: this batch is not delivered.
            sending = false;
        }
    }

    /** Flushes what is buffered; then, once nothing is left to send, closes the destination. */
    synchronized void retire() {
        retired = true;
        flush();
        closeIfDone();
    }

    /** @return whether nothing is buffered or out */
    synchronized boolean idle() {
        return !sending && buffer.isEmpty();
    }

    /** Closes the destination now, failing a send that is under way. */
    void close() {
        destination.close();
    }

    private boolean full() {
        return buffer.size() >= subscription.maxItems() || bufferBytes >= subscription.maxBytes();
    }

    private byte[] logsDropped() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("droppedBytes", droppedBytes);
        record.put("droppedRecords", droppedRecords);
        record.put("reason", dropReason);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("time", Instant.now().toString());
        event.put("type", "platform.logsDropped");
        event.put("record", record);
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }

    /** On a sending thread. */
    private void deliver(Batch batch) {
        String failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                destination.send(batch.events());
                failure = null;
                break;
            } catch (IOException e) {
                failure = e.getMessage() != null ? e.getMessage() : e.toString();
            }
            if (attempt < ATTEMPTS && !pause(100L * attempt)) {
                break;
            }
        }
        delivered(batch, failure);
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized void delivered(Batch batch, String failure) {
        sending = false;
        if (failure == null) {
            droppedRecords -= batch.reportedRecords();
            droppedBytes -= batch.reportedBytes();
        } else if (batch.records() > 0) {
            // Its report, if it carried one, is still counted: the next batch carries it again.
            dropped(batch.records(), batch.bytes(), "could not send events: " + failure);
        }
        // More came while it was out: they go now if the buffer is full or its oldest is due (its timer has run).
        if (!buffer.isEmpty() && (timer == null || full())) {
            flush();
        }
        closeIfDone();
    }

    private void closeIfDone() {
        if (retired && !sending && buffer.isEmpty()) {
            destination.close();
        }
    }
}
