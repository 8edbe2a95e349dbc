package dev.runway.bootstrap.local.internal.sandbox;

import dev.runway.bootstrap.local.internal.telemetry.TelemetrySink;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The execution environment Lambda gives a function, and its lifecycle, assembled from its parts: the
 * {@link EnvironmentInit} on the first invoke (extensions, then the runtime), the {@link InvocationQueue} the
 * Runtime API serves, the {@link ExtensionRegistry} the Extensions API changes, the {@link Outcomes} that end
 * each invocation, and the {@link ShutdownSequence} after a timeout or a crash. Here: an invoke's way in, one at
 * a time or concurrently. An invocation in a running environment is followed with callbacks, on the event loops;
 * init, a wait for the turn, and a reset, which block, are done by controller threads, never on an event loop.
 */
public final class Sandbox implements AutoCloseable {

    private final PlatformConfig config;
    private volatile TelemetrySink telemetry = TelemetrySink.NONE;
    private final Semaphore sequential = new Semaphore(1, true);
    private final ExecutorService controllers;
    /**
     * Fires the timeouts of invocations started off an event loop; a timeout is cancelled, and removed, as soon as
     * its invocation ends.
     */
    private final ScheduledThreadPoolExecutor timeouts;
    private final Environments environments = new Environments();
    private final FunctionVariables variables;
    private final InvocationQueue queue;
    private final ExtensionRegistry extensions;
    private final ShutdownSequence shutdown;
    private final EnvironmentInit init;
    private final Outcomes outcomes;
    private volatile boolean closed;

    /**
     * @param config the function's settings
     */
    public Sandbox(PlatformConfig config) {
        this.config = config;
        AtomicInteger threads = new AtomicInteger();
        this.controllers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "runway-invoke-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.timeouts = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "runway-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        timeouts.setRemoveOnCancelPolicy(true);
        this.variables = new FunctionVariables(config);
        this.queue = new InvocationQueue(config, environments);
        this.extensions = new ExtensionRegistry(config, environments, queue);
        this.shutdown = new ShutdownSequence(config, environments, queue);
        this.init = new EnvironmentInit(config, environments, variables, shutdown, this::telemetry);
        this.outcomes = new Outcomes(config, environments, queue, shutdown, this::telemetry, controllers, timeouts);
    }

    /**
     * What the current environment holds on to for invocations that have ended: it must not grow with their
     * number (each callback left on the environment's failure used to keep its invocation).
     *
     * @return the invocations still followed plus the callbacks waiting on the environment's failure; 0 without one
     */
    public int heldForEndedInvocations() {
        Generation g = environments.current();
        return g == null ? 0 : g.followed.size() + g.failed.getNumberOfDependents();
    }

    /** @param address the Runtime API's {@code host:port}, given to the runtime and the extensions */
    public void runtimeApiAddress(String address) {
        variables.runtimeApiAddress(address);
    }

    /** @param sink where platform events and log lines go from now on */
    public void telemetry(TelemetrySink sink) {
        this.telemetry = sink;
    }

    TelemetrySink telemetry() {
        return telemetry;
    }

    /**
     * Whether the Telemetry and Logs APIs take subscriptions now: from an init's start until the runtime and every
     * extension are ready, as Lambda turns its subscription service off at that point.
     *
     * @return whether an init is under way
     */
    public boolean subscriptionsOpen() {
        synchronized (environments) {
            Generation g = environments.current();
            return g != null && g.initializing() && !g.ready.isDone();
        }
    }

    /** @return the function's settings */
    public PlatformConfig config() {
        return config;
    }

    InvocationQueue queue() {
        return queue;
    }

    ExtensionRegistry extensions() {
        return extensions;
    }

    FunctionVariables variables() {
        return variables;
    }

    /**
     * Retires the current environment, as a new deployment does.
     *
     * @return whether there was an environment to retire
     */
    boolean retire() {
        Generation g = environments.current();
        if (g == null) {
            return false;
        }
        shutdown.reset(g, "spindown");
        return true;
    }

    /**
     * Runs an invoke, asynchronously: the answer goes to {@code responder}.
     *
     * @param request the event and its context
     * @param responder where the answer goes
     */
    public void invoke(InvokeRequest request, InvokeResponder responder) {
        if (closed) {
            responder.respond(502, jsonHeaders(), bytes(Errors.invokeJson(
                    "Sandbox.Failure", "The local platform is shutting down")));
            return;
        }
        if (!invokeNow(request, responder)) {
            controllers.execute(() -> runInvoke(request, responder));
        }
    }

    /**
     * The common case, on the caller's thread (an event loop): the environment is up and, one at a time, free.
     * Nothing here blocks, and no thread is handed the invocation: it is followed with callbacks and a timer.
     * Handing every invoke to a thread of its own cost two thread wake-ups each way, most of the platform's
     * latency and CPU per invocation.
     *
     * @return false when the invoke must take the slow way: init first, or wait for its turn
     */
    private boolean invokeNow(InvokeRequest request, InvokeResponder responder) {
        Generation generation;
        synchronized (environments) {
            generation = environments.current();
            if (generation == null || !generation.serving()) {
                return false;
            }
        }
        // With a timeout, a fair semaphore's tryAcquire keeps the queue's order; without one it would barge in.
        if (!config.concurrent() && !tryAcquireTurn()) {
            return false;
        }
        long deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.timeoutSeconds());
        start(generation, newInvocation(request, responder), deadlineNanos, !config.concurrent());
        return true;
    }

    private boolean tryAcquireTurn() {
        try {
            return sequential.tryAcquire(0, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void runInvoke(InvokeRequest request, InvokeResponder responder) {
        boolean permit = false;
        try {
            if (!config.concurrent()) {
                // One invocation at a time, as one Lambda environment runs them; the others wait their turn.
                sequential.acquire();
                permit = true;
            }
            long deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.timeoutSeconds());
            Invocation invocation = newInvocation(request, responder);
            Generation generation;
            try {
                generation = init.ensureRunning(invocation.requestId, deadlineNanos);
            } catch (EnvironmentInit.InitFailure failure) {
                responder.respond(failure.status, failure.headers, failure.body);
                return;
            }
            // From here the invocation owns the turn, and gives it back when it is settled.
            permit = false;
            start(generation, invocation, deadlineNanos, !config.concurrent());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            responder.respond(502, Map.of(), new byte[0]);
        } catch (RuntimeException e) {
            internalError(responder, e);
        } finally {
            if (permit) {
                sequential.release();
            }
        }
    }

    private Invocation newInvocation(InvokeRequest request, InvokeResponder responder) {
        long deadlineMs = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(config.timeoutSeconds());
        String requestId = config.concurrent() && request.requestId() != null && !request.requestId().isBlank()
                ? request.requestId()
                : UUID.randomUUID().toString();
        return new Invocation(requestId, request, deadlineMs, responder);
    }

    private void internalError(InvokeResponder responder, RuntimeException e) {
        config.err().println("[runway local] the invoke failed inside the platform: " + e);
        e.printStackTrace(config.err());
        responder.respond(500, jsonHeaders(), bytes(Errors.json("InternalServerError", String.valueOf(e.getMessage()))));
    }

    /** Hands the invocation to the runtime and follows it to its end; gives the turn back then, if it has it. */
    private void start(Generation generation, Invocation invocation, long deadlineNanos, boolean hasTurn) {
        boolean dispatched = false;
        try {
            if (queue.idInFlight(invocation)) {
                invocation.responder.respond(400, jsonHeaders(), bytes(Errors.json(
                        "InvalidRequestID", "X-Amzn-RequestId " + invocation.requestId + " is already in flight: each"
                                + " concurrent invoke needs its own id")));
                return;
            }
            dispatched = queue.enqueue(generation, invocation);
            if (!dispatched) {
                invocation.responder.respond(400, jsonHeaders(), bytes(Errors.json(
                        "Runtime.Unavailable", "No runtime is available to take the invoke: every one is busy")));
                return;
            }
            outcomes.started(invocation);
            outcomes.follow(generation, invocation, deadlineNanos, hasTurn ? sequential::release : () -> { });
        } catch (RuntimeException e) {
            internalError(invocation.responder, e);
        } finally {
            if (!dispatched && hasTurn) {
                sequential.release();
            }
        }
    }

    /** Shuts the environment down (reason {@code spindown}), as when Lambda retires it; the servers stay up. */
    @Override
    public void close() {
        closed = true;
        retire();
        controllers.shutdownNow();
        timeouts.shutdownNow();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, String> jsonHeaders() {
        return Map.of("Content-Type", "application/json");
    }
}
