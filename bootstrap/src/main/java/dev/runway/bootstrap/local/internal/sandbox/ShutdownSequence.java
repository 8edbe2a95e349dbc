package dev.runway.bootstrap.local.internal.sandbox;

import dev.runway.bootstrap.local.RuntimeInstance;
import dev.runway.bootstrap.local.internal.process.ChildProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends an environment as Lambda does: with extensions registered, SIGTERM to the runtime and, after its share of
 * the budget, SIGKILL; then SHUTDOWN to the external extensions that subscribed to it, SIGKILL to the others, and
 * SIGKILL to whatever still runs at the deadline. With no extension, SIGKILL at once: the runtime's shutdown hooks
 * do not run, exactly as on Lambda. It blocks while processes exit: never call it on an event loop.
 */
final class ShutdownSequence {

    /** The shutdown budget with external extensions, and the runtime's share of it, as Lambda documents them. */
    static final long SHUTDOWN_BUDGET_MS = 2_000;
    static final long RUNTIME_SHUTDOWN_MS = 300;
    static final long RUNTIME_SHUTDOWN_WITH_INTERNAL_MS = 500;

    private final PlatformConfig config;
    private final Environments environments;
    private final InvocationQueue queue;

    ShutdownSequence(PlatformConfig config, Environments environments, InvocationQueue queue) {
        this.config = config;
        this.environments = environments;
        this.queue = queue;
    }

    /**
     * Shuts the environment down, once: a second call for the same environment returns at once.
     *
     * @param g the environment
     * @param reason the SHUTDOWN event's reason: {@code spindown}, {@code timeout} or {@code failure}
     */
    void reset(Generation g, String reason) {
        List<Extension> extensions;
        RuntimeInstance runtime;
        Map<String, ChildProcess> processes;
        synchronized (environments) {
            if (g.is(Generation.Phase.SHUTTING_DOWN)) {
                return;
            }
            g.moveTo(Generation.Phase.SHUTTING_DOWN);
            environments.retire(g);
            extensions = new ArrayList<>(g.extensions.values());
            runtime = g.runtime;
            processes = new LinkedHashMap<>(g.launched);
            queue.clear();
        }
        g.failed.complete(new Generation.Failure("Sandbox.Reset", reason));
        long start = System.nanoTime();
        boolean anyExternal = extensions.stream().anyMatch(e -> e.external);
        boolean anyInternal = extensions.stream().anyMatch(e -> !e.external);
        if (!reason.equals("failure") || !extensions.isEmpty()) {
            config.err().println("[runway local] Shutting the environment down (" + reason + "): "
                    + (extensions.isEmpty() ? "SIGKILL to the runtime (no extension registered)"
                            : "SIGTERM to the runtime, SHUTDOWN to " + extensions.size() + " extension(s)"));
        }
        if (runtime != null) {
            if (extensions.isEmpty()) {
                runtime.kill();
            } else {
                runtime.terminate();
                awaitExit(runtime.exited(), anyInternal && !anyExternal ? RUNTIME_SHUTDOWN_WITH_INTERNAL_MS : RUNTIME_SHUTDOWN_MS);
                runtime.kill();
            }
        }
        long budgetMs = anyExternal ? SHUTDOWN_BUDGET_MS : RUNTIME_SHUTDOWN_WITH_INTERNAL_MS;
        long deadlineNanos = start + TimeUnit.MILLISECONDS.toNanos(budgetMs);
        long deadlineMs = System.currentTimeMillis() + TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        synchronized (environments) {
            for (Extension extension : extensions) {
                if (extension.external && extension.subscribes("SHUTDOWN")) {
                    extension.deliver(new Extension.Pending(PlatformEvents.shutdownEvent(reason, deadlineMs), null, true));
                }
            }
        }
        for (Map.Entry<String, ChildProcess> entry : processes.entrySet()) {
            boolean subscribed = extensions.stream()
                    .anyMatch(e -> e.external && e.name.equals(entry.getKey()) && e.subscribes("SHUTDOWN"));
            if (!subscribed) {
                entry.getValue().kill();
            }
        }
        for (ChildProcess process : processes.values()) {
            awaitExit(process.exited(), TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
            process.kill();
        }
        if (runtime != null) {
            awaitExit(runtime.exited(), 5_000);
        }
        for (ChildProcess process : processes.values()) {
            awaitExit(process.exited(), 5_000);
        }
    }

    private static void awaitExit(CompletableFuture<Integer> exit, long millis) {
        try {
            exit.get(Math.max(0, millis), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // killed next
        }
    }
}
