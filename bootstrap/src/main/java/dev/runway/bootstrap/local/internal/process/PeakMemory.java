package dev.runway.bootstrap.local.internal.process;

import java.util.concurrent.TimeUnit;

/**
 * The peak resident memory of a process tree, for {@code Max Memory Used}: the sum of each process's
 * {@code VmHWM}, a high-water mark the kernel keeps.
 *
 * <p>The kernel formats all of {@code /proc/<pid>/status} for every read, about 20 microseconds. At thousands of
 * invocations a second (multi-concurrency) that was a large share of the platform's work, so a reading is reused
 * for up to {@value #FRESH_MS} ms. Invocations further apart than that, as one at a time usually are, all get a
 * fresh reading.
 */
final class PeakMemory {

    static final long FRESH_MS = 10;
    private static final long FRESH_NANOS = TimeUnit.MILLISECONDS.toNanos(FRESH_MS);

    private final ProcessTree tree;
    private long kib;
    private long readAtNanos;
    private boolean read;

    PeakMemory(ProcessTree tree) {
        this.tree = tree;
    }

    /** @return the tree's peak resident memory in KiB, at most {@value #FRESH_MS} ms old */
    synchronized long read() {
        long now = System.nanoTime();
        if (!read || now - readAtNanos >= FRESH_NANOS) {
            long sum = 0;
            for (long pid : tree.pids()) {
                sum += ProcStatus.vmHwmKib(pid);
            }
            // A high-water mark: a process that ended between two readings must not make it go down.
            kib = Math.max(kib, sum);
            readAtNanos = now;
            read = true;
        }
        return kib;
    }
}
