package dev.runway.bootstrap.local.internal.process;

import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The pids of a child process and its descendants, for summing their memory at every invocation's {@code REPORT}.
 *
 * <p>Listing descendants walks all of {@code /proc} and reads every process's {@code stat}: about a millisecond of
 * CPU on a desktop, which made it most of the local platform's cost per invocation. A runtime's process tree hardly
 * ever changes (a wrapper script, perhaps a helper it starts), so the list is refreshed at most once a second;
 * reading the peak of each known pid stays exact at every invocation.
 */
final class ProcessTree {

    private static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ProcessHandle root;
    private long[] pids;
    private long listedAtNanos;

    ProcessTree(ProcessHandle root) {
        this.root = root;
    }

    /** @return the root's pid first, then its descendants' as last listed; may be refreshed on this call */
    synchronized long[] pids() {
        long now = System.nanoTime();
        if (pids == null || now - listedAtNanos >= REFRESH_NANOS) {
            pids = Stream.concat(Stream.of(root), root.descendants())
                    .mapToLong(ProcessHandle::pid)
                    .toArray();
            listedAtNanos = now;
        }
        return pids;
    }
}
