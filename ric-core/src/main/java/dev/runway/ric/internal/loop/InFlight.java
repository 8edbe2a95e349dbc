package dev.runway.ric.internal.loop;

/**
 * The invocations in flight across the loops of one process. When one loop ends for the platform's reasons, the
 * process waits for the others' invocations (each until its deadline at most) before it exits, so one loop's end
 * never cuts off another loop's answer.
 *
 * <p>Thread-safe, and allocation-free on each invocation: a counter and the latest deadline under one lock.
 */
final class InFlight {

    /** How long past the latest deadline the process still waits: the platform has ended those invocations. */
    private static final long GRACE_MS = 1_000;
    /** The wait when an invocation has no deadline (a platform that sends none). */
    private static final long NO_DEADLINE_WAIT_MS = 15 * 60 * 1_000;

    private int count;
    private long latestDeadlineMs;

    /**
     * An invocation started.
     *
     * @param deadlineMs its deadline (epoch milliseconds), 0 when unknown
     */
    synchronized void started(long deadlineMs) {
        count++;
        long deadline = deadlineMs > 0 ? deadlineMs : System.currentTimeMillis() + NO_DEADLINE_WAIT_MS;
        latestDeadlineMs = Math.max(latestDeadlineMs, deadline);
    }

    /** An invocation ended, with its post or without. */
    synchronized void finished() {
        count--;
        if (count == 0) {
            notifyAll();
        }
    }

    /**
     * Waits until no invocation is in flight, or until the latest deadline among them has passed.
     *
     * @return whether every invocation finished
     */
    synchronized boolean awaitNone() {
        while (count > 0) {
            long wait = latestDeadlineMs + GRACE_MS - System.currentTimeMillis();
            if (wait <= 0) {
                return false;
            }
            try {
                wait(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
