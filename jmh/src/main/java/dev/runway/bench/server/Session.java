package dev.runway.bench.server;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the {@link RuntimeApiServer} serves to one client process, and when each of its answers came back.
 *
 * <p>A session hands out at most {@code invocations} events; after that, {@code /next} is left unanswered (as on
 * Lambda between invocations) until the harness kills the process, or, for a {@link #training} session, refused
 * with a {@code 500} so that the client exits by itself. For invocation {@code i} it records when the
 * event was written ({@link #eventSentNs}) and when the {@code /response} was fully read ({@link #responseNs}),
 * both on the server's {@link System#nanoTime()} clock, so the harness can set them against the time it spawned
 * the process.
 *
 * <p>Thread-safety: connection threads write, the harness reads after {@link #awaitFirst} or {@link #awaitAll},
 * whose latches publish the writes.
 */
public final class Session {

    private final byte[] event;
    private final int invocations;
    private final boolean refuseWhenDone;
    private final long[] eventSentNs;
    private final long[] responseNs;
    private final AtomicInteger claimed = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final CountDownLatch first = new CountDownLatch(1);
    private final CountDownLatch all = new CountDownLatch(1);
    private volatile byte[] firstResponse;
    private volatile String failure;

    private Session(byte[] event, int invocations, boolean record, boolean refuseWhenDone) {
        this.event = event.clone();
        this.invocations = invocations;
        this.refuseWhenDone = refuseWhenDone;
        this.eventSentNs = record ? new long[invocations] : null;
        this.responseNs = record ? new long[invocations] : null;
    }

    /**
     * A measured session.
     *
     * @param event the payload of every event
     * @param invocations how many events to serve
     * @return the session
     */
    public static Session measured(byte[] event, int invocations) {
        if (invocations < 1) {
            throw new IllegalArgumentException("invocations must be at least 1");
        }
        return new Session(event, invocations, true, false);
    }

    /**
     * A session that serves {@code invocations} events and then refuses {@code /next}, on which a client exits
     * normally: what a JVM must do to write the AOT cache of a training run.
     *
     * @param event the payload of every event
     * @param invocations how many events to serve
     * @return the session
     */
    public static Session training(byte[] event, int invocations) {
        return new Session(event, invocations, true, true);
    }

    /**
     * A session that serves events forever and records nothing, for JMH, which times the client itself.
     *
     * @param event the payload of every event
     * @return the session
     */
    public static Session endless(byte[] event) {
        return new Session(event, Integer.MAX_VALUE, false, false);
    }

    boolean refuseWhenDone() {
        return refuseWhenDone;
    }

    /** @return how many {@code /response}s came in */
    public int answered() {
        return answered.get();
    }

    byte[] event() {
        return event;
    }

    /** @return the index of the next event to serve, or -1 when the session has served them all */
    int claim() {
        int index = claimed.getAndIncrement();
        if (index >= invocations || index < 0) {
            claimed.set(invocations); // stays exhausted; no overflow for endless sessions
            return -1;
        }
        return index;
    }

    void eventSent(int index, long nanos) {
        if (eventSentNs != null) {
            eventSentNs[index] = nanos;
        }
    }

    void responded(int index, long nanos, byte[] body, int length) {
        if (responseNs != null && index >= 0 && index < invocations) {
            responseNs[index] = nanos;
        }
        if (index == 0) {
            firstResponse = Arrays.copyOf(body, length);
            first.countDown();
        }
        if (answered.incrementAndGet() == invocations) {
            all.countDown();
        }
    }

    /** Records an error post or a protocol violation; the run is then invalid, and every waiter is released. */
    void failed(String what) {
        if (failure == null) {
            failure = what;
        }
        first.countDown();
        all.countDown();
    }

    /**
     * Waits for the first {@code /response} (or a failure).
     *
     * @param timeoutMs how long to wait
     * @return whether it came in time
     * @throws InterruptedException when interrupted
     */
    public boolean awaitFirst(long timeoutMs) throws InterruptedException {
        return first.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /**
     * Waits for every invocation's {@code /response} (or a failure).
     *
     * @param timeoutMs how long to wait
     * @return whether they came in time
     * @throws InterruptedException when interrupted
     */
    public boolean awaitAll(long timeoutMs) throws InterruptedException {
        return all.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** @return the error the client posted or the protocol problem seen, or {@code null} when all went well */
    public String failure() {
        return failure;
    }

    /** @return the body of the first {@code /response}, or {@code null} before it came */
    public byte[] firstResponse() {
        return firstResponse;
    }

    /** @return when the first {@code /response} was read, {@link System#nanoTime()} */
    public long firstResponseNs() {
        return responseNs[0];
    }

    /**
     * Per-invoke latency: from just before the server writes the event (the answer to {@code /next}) to it having
     * read the whole {@code /response}. It covers the server's write, the client's parsing, the handler,
     * serialization and the post.
     *
     * @param from the first invocation counted (the ones before are warm-up)
     * @return the latencies in nanoseconds, in invocation order
     */
    public long[] invokeNanos(int from) {
        long[] out = new long[invocations - from];
        for (int i = from; i < invocations; i++) {
            out[i - from] = responseNs[i] - eventSentNs[i];
        }
        return out;
    }

    /**
     * Loop period: the time between two consecutive {@code /response}s. On top of {@link #invokeNanos} it covers
     * the client reading the {@code 202}, sending the next {@code /next}, and the server answering it: the
     * throughput-limiting cost of one whole trip round the loop.
     *
     * @param from the first invocation counted; must be at least 1
     * @return the periods in nanoseconds
     */
    public long[] periodNanos(int from) {
        int start = Math.max(1, from);
        long[] out = new long[invocations - start];
        for (int i = start; i < invocations; i++) {
            out[i - start] = responseNs[i] - responseNs[i - 1];
        }
        return out;
    }
}
