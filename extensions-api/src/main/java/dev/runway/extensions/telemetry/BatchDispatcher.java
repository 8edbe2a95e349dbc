package dev.runway.extensions.telemetry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The subscriber's processing side: a bounded queue of received events, one thread that hands them to the
 * {@link TelemetryProcessor} in batches, and the bookkeeping the extension waits on (which invocations' runtimeDone
 * the processor has seen, how many events are still pending). Kept apart from {@link TelemetrySubscriber}, which
 * subscribes and receives: this class knows nothing of HTTP or of the platform.
 */
final class BatchDispatcher {

    /** How many finished request ids are remembered for late {@link #awaitRuntimeDone} calls. */
    private static final int REMEMBERED_REQUESTS = 64;

    private final BlockingQueue<TelemetryEvent> queue;
    private final int batchSize;
    private final TelemetryProcessor processor;
    private final Object progress = new Object();
    /** Request ids whose runtimeDone the processor has seen; guarded by {@link #progress}. */
    private final Set<String> done = new LinkedHashSet<>();
    /** Events queued but not yet processed; guarded by {@link #progress}. */
    private long pending;
    private volatile boolean closed;
    private Thread thread;

    /**
     * @param queueCapacity events queued at most
     * @param batchSize events per processor call at most
     * @param processor what gets the batches, or {@code null} to take them only
     */
    BatchDispatcher(int queueCapacity, int batchSize, TelemetryProcessor processor) {
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.batchSize = batchSize;
        this.processor = processor;
    }

    /** Starts the processing thread (a daemon: a forgotten subscriber never keeps the JVM up). */
    synchronized void start() {
        thread = new Thread(this::run, "runway-telemetry-processor");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues one event, from the listener's thread.
     *
     * @param event the event
     * @return whether it was queued: {@code false} when the queue is full or the dispatcher closed
     */
    boolean offer(TelemetryEvent event) {
        synchronized (progress) {
            if (closed || !queue.offer(event)) {
                return false;
            }
            pending++;
            return true;
        }
    }

    private void run() {
        List<TelemetryEvent> batch = new ArrayList<>(batchSize);
        while (true) {
            try {
                TelemetryEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closed) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
            } catch (InterruptedException e) {
                return;
            }
            try {
                if (processor != null) {
                    processor.process(List.copyOf(batch));
                }
            } catch (Exception | LinkageError e) {
                // Standard error, not output; still, a subscriber to extension logs sees it once.
                System.err.println("[runway] the telemetry processor failed: " + e);
            }
            processed(batch);
            batch.clear();
        }
    }

    private void processed(List<TelemetryEvent> batch) {
        synchronized (progress) {
            for (TelemetryEvent event : batch) {
                if (event instanceof TelemetryEvent.RuntimeDone runtimeDone && runtimeDone.requestId() != null) {
                    done.add(runtimeDone.requestId());
                    if (done.size() > REMEMBERED_REQUESTS) {
                        done.remove(done.iterator().next());
                    }
                }
            }
            pending -= batch.size();
            progress.notifyAll();
        }
    }

    /**
     * @param requestId the invocation's request id
     * @param deadlineMs epoch milliseconds
     * @return whether the processor handled the invocation's runtimeDone before the deadline (or the close)
     * @throws InterruptedException when interrupted
     */
    boolean awaitRuntimeDone(String requestId, long deadlineMs) throws InterruptedException {
        synchronized (progress) {
            while (!done.contains(requestId)) {
                long wait = deadlineMs - System.currentTimeMillis();
                if (wait <= 0 || closed) {
                    return false;
                }
                progress.wait(wait);
            }
            return true;
        }
    }

    /**
     * @param deadlineMs epoch milliseconds
     * @return whether every event queued so far was processed before the deadline
     * @throws InterruptedException when interrupted
     */
    boolean flush(long deadlineMs) throws InterruptedException {
        synchronized (progress) {
            while (pending > 0) {
                long wait = deadlineMs - System.currentTimeMillis();
                if (wait <= 0) {
                    return false;
                }
                progress.wait(wait);
            }
            return true;
        }
    }

    /** Takes no more events; what is queued is still processed, then the thread ends. */
    void close() {
        synchronized (progress) {
            closed = true;
            progress.notifyAll();
        }
    }
}
