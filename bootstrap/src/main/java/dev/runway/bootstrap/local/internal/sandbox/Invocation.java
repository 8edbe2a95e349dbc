package dev.runway.bootstrap.local.internal.sandbox;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One invocation in flight. Guarded by the {@link Environments}' lock, except the futures, which are thread-safe.
 *
 * <p>It ends, as on Lambda, only when the runtime has answered (response or error) <em>and</em> called
 * {@code /next} again, and every extension that got the INVOKE event has called {@code /event/next} again.
 */
final class Invocation {

    final String requestId;
    final InvokeRequest request;
    final long deadlineMs;
    final InvokeResponder responder;
    /** When the runtime got the event, for Duration. */
    long startNanos;
    /** Whether the runtime has the event. */
    boolean delivered;
    /** Whether the runtime has started or finished its answer: a second one is refused. */
    boolean answered;
    /** Whether the answer was an error, for the report's status. */
    boolean failed;
    /** Whether the runtime called {@code /next} after answering (sequential mode). */
    boolean runtimeDone;
    long producedBytes;
    final Set<Extension> extensionsBusy = new HashSet<>();
    /**
     * Completes when the runtime has finished (answered and, sequentially, called {@code /next}), possibly before
     * the extensions: Lambda sends {@code platform.runtimeDone} then, and extensions wait for it before their
     * own {@code /event/next}.
     */
    final CompletableFuture<Void> runtimeFinished = new CompletableFuture<>();
    /** Whether {@code platform.runtimeDone} was sent. */
    private boolean runtimeDoneSent;
    /** Whether its outcome (end, timeout or crash) was taken, and the timer that fires its timeout. */
    private boolean settled;
    private ScheduledFuture<?> timer;
    /** Run once it is settled: gives the turn back (one at a time), or nothing. */
    Runnable afterwards = () -> { };
    /** Completes when the invocation has ended normally. */
    final CompletableFuture<Void> ended = new CompletableFuture<>();

    Invocation(String requestId, InvokeRequest request, long deadlineMs, InvokeResponder responder) {
        this.requestId = requestId;
        this.request = request;
        this.deadlineMs = deadlineMs;
        this.responder = responder;
    }

    /** @return true the first time only: the caller sends {@code platform.runtimeDone} */
    synchronized boolean markRuntimeDoneSent() {
        boolean first = !runtimeDoneSent;
        runtimeDoneSent = true;
        return first;
    }

    /** @param timer fires the timeout; cancelled at once if the invocation is already settled */
    synchronized void timer(ScheduledFuture<?> timer) {
        this.timer = timer;
        if (settled) {
            timer.cancel(false);
        }
    }

    /** @return true the first time only: the caller's outcome is the invocation's; its timer is cancelled */
    synchronized boolean settle() {
        if (settled) {
            return false;
        }
        settled = true;
        if (timer != null) {
            timer.cancel(false);
        }
        return true;
    }

    /**
     * Ends the invocation when nothing is outstanding any more. Call with the {@link Environments}' lock held.
     *
     * @return true when this call found the runtime finished with it, the first time
     */
    boolean checkEnded(boolean concurrent) {
        boolean finished = answered && (runtimeDone || concurrent);
        boolean finishedNow = finished && runtimeFinished.complete(null);
        if (finished && extensionsBusy.isEmpty()) {
            ended.complete(null);
        }
        return finishedNow;
    }
}
