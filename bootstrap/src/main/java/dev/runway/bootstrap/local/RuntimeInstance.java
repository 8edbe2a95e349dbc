package dev.runway.bootstrap.local;

import java.util.concurrent.CompletableFuture;

/** A runtime the platform started: it can be stopped as Lambda stops one, and watched for its exit. */
public interface RuntimeInstance {

    /** @return completes with the exit status when the runtime ends */
    CompletableFuture<Integer> exited();

    /** Asks the runtime to stop (SIGTERM for a process): its shutdown hooks run. */
    void terminate();

    /** Stops the runtime at once (SIGKILL for a process, with everything it started). */
    void kill();

    /** @return the peak resident memory of the runtime so far, in KiB, or 0 when unknown */
    long peakMemoryKib();
}
