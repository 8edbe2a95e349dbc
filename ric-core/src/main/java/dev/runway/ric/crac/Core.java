package dev.runway.ric.crac;

import dev.runway.ric.internal.crac.OrderedContext;

/** The global context of SnapStart hooks, as {@code org.crac.Core} expects of an implementation package. */
public final class Core {

    private static final Context<Resource> GLOBAL = new OrderedContext();

    private Core() {}

    /** @return the context every function's resources register with */
    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    /**
     * Not available: on Lambda the platform takes the snapshot, after init.
     *
     * @throws UnsupportedOperationException always
     */
    public static void checkpointRestore() throws CheckpointException, RestoreException {
        throw new UnsupportedOperationException("SnapStart snapshots are taken by the Lambda platform after init");
    }
}
