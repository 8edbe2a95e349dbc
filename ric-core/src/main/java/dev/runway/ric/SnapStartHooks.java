package dev.runway.ric;

/**
 * Code to run around a SnapStart snapshot, without the CRaC API: implement it in the function and list the class
 * in {@code META-INF/services/dev.runway.ric.SnapStartHooks}. Runway calls every implementation found on the
 * function's class path, after the handler is loaded, when {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}, along
 * with the {@code org.crac} resources the function registered.
 */
public interface SnapStartHooks {

    /**
     * Before the snapshot: close what must not be frozen (connections, files), forget what must be unique
     * per environment (random seeds, ids).
     *
     * @throws Exception to fail init with {@code Runtime.BeforeCheckpointError}
     */
    default void beforeCheckpoint() throws Exception {}

    /**
     * After the restore, in every environment made from the snapshot: reopen, reseed.
     *
     * @throws Exception to fail the restore with {@code Runtime.AfterRestoreError}
     */
    default void afterRestore() throws Exception {}
}
