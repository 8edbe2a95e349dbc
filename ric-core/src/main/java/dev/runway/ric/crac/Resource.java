package dev.runway.ric.crac;

/**
 * Something that must act around a SnapStart snapshot: close connections before it, reopen them after. Functions
 * usually code against {@code org.crac.Resource} (the {@code io.github.crac:org-crac} library), which Runway
 * connects to this package by setting {@code org.crac.Core.Compat=dev.runway.ric.crac}, as the managed Java
 * runtime does with its own package.
 */
public interface Resource {

    /**
     * Called before the snapshot, in the reverse order of registration.
     *
     * @param context the context the resource is registered with
     * @throws Exception to fail the checkpoint: the function's init then fails with
     *     {@code Runtime.BeforeCheckpointError}
     */
    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    /**
     * Called after the restore, in the order of registration.
     *
     * @param context the context the resource is registered with
     * @throws Exception to fail the restore, reported as {@code Runtime.AfterRestoreError}
     */
    void afterRestore(Context<? extends Resource> context) throws Exception;
}
