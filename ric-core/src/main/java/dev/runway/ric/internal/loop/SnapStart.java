package dev.runway.ric.internal.loop;

import dev.runway.ric.FunctionServices;
import dev.runway.ric.SnapStartHooks;
import dev.runway.ric.crac.CheckpointException;
import dev.runway.ric.crac.Context;
import dev.runway.ric.crac.Core;
import dev.runway.ric.crac.Resource;
import dev.runway.ric.crac.RestoreException;
import dev.runway.ric.internal.api.PostResult;
import dev.runway.ric.internal.api.RuntimeApiClient;
import dev.runway.ric.internal.api.RuntimeApiException;
import dev.runway.ric.internal.error.ErrorReport;
import dev.runway.ric.internal.error.ErrorTypes;
import java.util.List;

/**
 * The SnapStart restore protocol, run at the end of init when {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}:
 * before-checkpoint hooks, {@code GET /runtime/restore/next} (the snapshot is taken while it is open), then the
 * after-restore hooks in each restored environment. A failing hook is reported (before the snapshot to
 * {@code /init/error} as {@code Runtime.BeforeCheckpointError}, after it to {@code /restore/error} as
 * {@code Runtime.AfterRestoreError}) and the process exits with {@value #EXIT_HOOK_FAILED}, as on the managed
 * runtime.
 */
final class SnapStart {

    /** The managed runtime's exit status after a failed hook. */
    static final int EXIT_HOOK_FAILED = 64;
    static final String INITIALIZATION_TYPE = "snap-start";

    private SnapStart() {}

    /**
     * Runs the hooks around the snapshot.
     *
     * @param client the runtime's first connection
     * @param functionLoader where {@link SnapStartHooks} implementations are looked up
     * @return 0 to go on to the invocations, else the exit status
     */
    static int checkpointAndRestore(RuntimeApiClient client, ClassLoader functionLoader) {
        List<SnapStartHooks> hooks = FunctionServices.load(SnapStartHooks.class, functionLoader);
        Context<Resource> global = Core.getGlobalContext();
        try {
            beforeCheckpoint(hooks, global);
        } catch (CheckpointException e) {
            return failed(client, e, ErrorTypes.BEFORE_CHECKPOINT_ERROR, false);
        }
        // What the hooks released should not be in the snapshot.
        System.gc();
        try {
            client.restoreNext();
        } catch (RuntimeApiException e) {
            Diagnostics.warn(e.getMessage() + "; the runtime exits.");
            return FunctionRuntime.EXIT_FAILURE;
        }
        try {
            afterRestore(hooks, global);
        } catch (RestoreException e) {
            return failed(client, e, ErrorTypes.AFTER_RESTORE_ERROR, true);
        }
        return 0;
    }

    /**
     * The service hooks count as registered last, after everything the function registered during its init: they
     * run first before the snapshot (in reverse order) and last after the restore. Every hook runs even when one
     * fails; the failures are collected.
     */
    private static void beforeCheckpoint(List<SnapStartHooks> hooks, Context<Resource> global) throws CheckpointException {
        CheckpointException failure = new CheckpointException();
        for (int i = hooks.size() - 1; i >= 0; i--) {
            try {
                hooks.get(i).beforeCheckpoint();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
        try {
            global.beforeCheckpoint(null);
        } catch (Exception e) {
            collect(failure, e);
        }
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    private static void afterRestore(List<SnapStartHooks> hooks, Context<Resource> global) throws RestoreException {
        RestoreException failure = new RestoreException();
        try {
            global.afterRestore(null);
        } catch (Exception e) {
            collect(failure, e);
        }
        for (SnapStartHooks hook : hooks) {
            try {
                hook.afterRestore();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    /** Adds the failures a context collected (its suppressed exceptions), or the exception itself. */
    private static void collect(Exception into, Exception from) {
        if (from instanceof CheckpointException || from instanceof RestoreException) {
            for (Throwable t : from.getSuppressed()) {
                into.addSuppressed(t);
            }
        } else {
            into.addSuppressed(from);
        }
    }

    private static int failed(RuntimeApiClient client, Exception failure, String errorType, boolean afterRestore) {
        Throwable cause = failure.getSuppressed().length == 1 ? failure.getSuppressed()[0] : failure;
        Diagnostics.invocationFailed(afterRestore ? "restore" : "checkpoint", failure);
        ErrorReport report = ErrorReport.of(cause);
        try {
            PostResult result = afterRestore
                    ? client.postRestoreError(report.toPost(errorType, null))
                    : client.postInitError(report.toPost(errorType, null));
            if (!result.accepted()) {
                Diagnostics.warn("The platform refused the " + errorType + " report: HTTP " + result.status() + " "
                        + result.bodyText());
            }
        } catch (RuntimeApiException e) {
            Diagnostics.warn(e.getMessage());
        }
        return EXIT_HOOK_FAILED;
    }
}
