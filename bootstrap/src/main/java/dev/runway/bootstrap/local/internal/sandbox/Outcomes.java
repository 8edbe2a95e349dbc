package dev.runway.bootstrap.local.internal.sandbox;

import dev.runway.bootstrap.local.internal.process.ChildProcess;
import dev.runway.bootstrap.local.internal.telemetry.TelemetrySink;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Follows a dispatched invocation to its one outcome without a thread of its own: {@code platform.runtimeDone}
 * as soon as the runtime is done (extensions may still be busy), then the report when it has ended, the timeout
 * when its deadline passes first, or the crash when the environment fails first. Exactly one of these settles
 * it; a timeout (one at a time) or a crash then resets the environment, on a controller thread.
 */
final class Outcomes {

    private final PlatformConfig config;
    private final Environments environments;
    private final InvocationQueue queue;
    private final ShutdownSequence shutdown;
    private final Reports reports;
    private final Supplier<TelemetrySink> telemetry;
    private final Executor controllers;
    /** Fires the timeouts of invocations started off an event loop. */
    private final ScheduledExecutorService timeouts;

    Outcomes(PlatformConfig config, Environments environments, InvocationQueue queue, ShutdownSequence shutdown,
            Supplier<TelemetrySink> telemetry, Executor controllers, ScheduledExecutorService timeouts) {
        this.config = config;
        this.environments = environments;
        this.queue = queue;
        this.shutdown = shutdown;
        this.reports = new Reports(config.out(), config.functionVersion(), config.memoryMb());
        this.telemetry = telemetry;
        this.controllers = controllers;
        this.timeouts = timeouts;
    }

    /** The invocation reached the runtime: its START line and {@code platform.start}. */
    void started(Invocation invocation) {
        reports.start(invocation.requestId);
        platformEvent("platform.start", () -> PlatformEvents.start(invocation, config));
    }

    /**
     * Follows a dispatched invocation to its end.
     *
     * @param afterwards gives the turn back, once the invocation is settled
     */
    void follow(Generation g, Invocation invocation, long deadlineNanos, Runnable afterwards) {
        invocation.afterwards = afterwards;
        // (Kept on the invocation: whichever outcome settles it runs this, once.)
        Runnable timeout = () -> settle(g, invocation, () -> timedOut(g, invocation), true);
        long delay = Math.max(0, deadlineNanos - System.nanoTime());
        // On an event loop, its own timer: scheduling and cancelling there wake no other thread.
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        invocation.timer(loop != null
                ? loop.schedule(timeout, delay, TimeUnit.NANOSECONDS)
                : timeouts.schedule(timeout, delay, TimeUnit.NANOSECONDS));
        // The futures complete under the environments' lock: what follows runs after the completer has released it.
        invocation.runtimeFinished.thenRun(() -> later(() -> runtimeDone(invocation, invocation.failed ? "error" : "success")));
        invocation.ended.thenRun(() -> later(() -> settle(g, invocation,
                () -> finished(g, invocation, invocation.failed ? "error" : null, null), false)));
        // The environment's failure is watched once for all its invocations: a callback per invocation on that
        // long-lived future would stay on it until the environment ends, about a kilobyte per invocation.
        g.followed.add(invocation);
        if (g.watchFailure()) {
            g.failed.thenAccept(failure -> {
                for (Invocation followed : List.copyOf(g.followed)) {
                    settle(g, followed, () -> crashedUnlessEnded(g, followed, failure), true);
                }
            });
        }
        if (g.failed.isDone()) {
            // Failed while this one was being added: the watcher may have missed it.
            Generation.Failure failure = g.failed.join();
            settle(g, invocation, () -> crashedUnlessEnded(g, invocation, failure), true);
        }
    }

    private void crashedUnlessEnded(Generation g, Invocation invocation, Generation.Failure failure) {
        if (!invocation.ended.isDone()) {
            crashed(g, invocation, failure);
        }
    }

    /** Runs the first of the invocation's outcomes to arrive; {@code blocking} ones (a reset) get a thread. */
    private void settle(Generation g, Invocation invocation, Runnable outcome, boolean blocking) {
        if (!invocation.settle()) {
            return;
        }
        g.followed.remove(invocation);
        Runnable task = () -> {
            try {
                outcome.run();
            } catch (RuntimeException e) {
                config.err().println("[runway local] ending invocation " + invocation.requestId + " failed: " + e);
            } finally {
                invocation.afterwards.run();
            }
        };
        if (blocking) {
            offLoop(task);
        } else {
            task.run();
        }
    }

    /** Runs a task soon on this event loop, after what it is doing now, or on a controller thread off one. */
    private void later(Runnable task) {
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        if (loop != null && !loop.isShuttingDown()) {
            loop.execute(task);
        } else {
            offLoop(task);
        }
    }

    private void offLoop(Runnable task) {
        try {
            controllers.execute(task);
        } catch (RejectedExecutionException shuttingDown) {
            task.run();
        }
    }

    private void finished(Generation g, Invocation invocation, String status, String errorType) {
        double durationMs = (System.nanoTime() - invocation.startNanos) / 1e6;
        queue.remove(invocation);
        double initDurationMs;
        synchronized (environments) {
            initDurationMs = g.initDurationForReport();
        }
        long maxMemoryMb = peakMemoryMb(g);
        if (invocation.markRuntimeDoneSent()) {
            platformEvent("platform.runtimeDone", () -> PlatformEvents.runtimeDone(invocation, status, durationMs));
        }
        reports.end(invocation.requestId, durationMs, initDurationMs, maxMemoryMb, status, errorType);
        platformEvent("platform.report", () -> PlatformEvents.report(invocation, config, status, errorType, durationMs,
                initDurationMs, maxMemoryMb));
    }

    /**
     * An invocation's platform event, built only when it goes somewhere: these run several times per invocation.
     * (Init's events are always sent: they open the init's replay for subscribers to come.)
     */
    private void platformEvent(String type, Supplier<Map<String, Object>> record) {
        TelemetrySink sink = telemetry.get();
        if (sink.wants("platform")) {
            sink.platform(type, record.get());
        }
    }

    private void runtimeDone(Invocation invocation, String status) {
        if (!invocation.markRuntimeDoneSent()) {
            return;
        }
        platformEvent("platform.runtimeDone", () -> PlatformEvents.runtimeDone(invocation, status,
                (System.nanoTime() - invocation.startNanos) / 1e6));
    }

    private void timedOut(Generation g, Invocation invocation) {
        config.out().println(Instant.now() + " " + invocation.requestId + " " + config.timeoutMessage());
        if (config.concurrent()) {
            // Lambda Managed Instances: the invocation fails, the runtime lives on; a late answer gets 410.
            queue.timedOut(invocation);
            invocation.responder.respond(200, Map.of("Content-Type", "application/json", "Error-Type", "Sandbox.Timedout",
                    "X-Amz-Function-Error", "Unhandled"), Sandbox.bytes(Errors.invokeJson("Sandbox.Timedout",
                            config.timeoutMessage())));
            finished(g, invocation, "timeout", "Sandbox.Timedout");
            return;
        }
        if (queue.answered(invocation)) {
            invocation.responder.endStream(Map.of("Lambda-Runtime-Function-Error-Type", "Sandbox.Timedout"));
        }
        invocation.responder.respond(200, Map.of("Content-Type", "text/plain; charset=utf-8"),
                Sandbox.bytes(config.timeoutMessage()));
        finished(g, invocation, "timeout", null);
        shutdown.reset(g, "timeout");
    }

    private void crashed(Generation g, Invocation invocation, Generation.Failure failure) {
        String message = "RequestId: " + invocation.requestId + " Error: " + failure.detail();
        config.err().println("[runway local] " + failure.errorType() + ": " + message);
        invocation.responder.endStream(Map.of("Lambda-Runtime-Function-Error-Type", failure.errorType()));
        invocation.responder.respond(502, Map.of("Content-Type", "application/json", "X-Amz-Function-Error", "Unhandled"),
                Sandbox.bytes(Errors.invokeJson(failure.errorType(), message)));
        finished(g, invocation, "error", failure.errorType());
        shutdown.reset(g, "failure");
    }

    private long peakMemoryMb(Generation g) {
        long kib = 0;
        synchronized (environments) {
            if (g.runtime != null) {
                kib += g.runtime.peakMemoryKib();
            }
            for (ChildProcess extension : g.launched.values()) {
                kib += extension.peakMemoryKib();
            }
        }
        return (kib + 1023) / 1024;
    }
}
