package dev.runway.bootstrap.local.internal.sandbox;

import dev.runway.bootstrap.local.RuntimeInstance;
import dev.runway.bootstrap.local.internal.http.Exchange;
import dev.runway.bootstrap.local.internal.json.Json;
import dev.runway.bootstrap.local.internal.process.ChildProcess;
import dev.runway.bootstrap.local.internal.telemetry.TelemetrySink;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The execution environment Lambda gives a function, and its lifecycle: init on the first invoke (extensions,
 * then the runtime), invocations, and the reset after a timeout or a crash, with the platform's shutdown
 * sequence. One lock (this object) guards all state shared with the API handlers, which run on the servers'
 * event loops. An invocation in a running environment is followed with callbacks, on the event loops; init, a
 * wait for the turn, and a reset, which block, are done by controller threads, never on an event loop.
 */
public final class Sandbox implements AutoCloseable {

    /** The shutdown budget with external extensions, and the runtime's share of it, as Lambda documents them. */
    static final long SHUTDOWN_BUDGET_MS = 2_000;
    static final long RUNTIME_SHUTDOWN_MS = 300;
    static final long RUNTIME_SHUTDOWN_WITH_INTERNAL_MS = 500;
    /** Lambda's limit on registered extensions ({@code MaxAgentsAllowed} in the RIE). */
    static final int MAX_EXTENSIONS = 10;

    final PlatformConfig config;
    private final Reports reports;
    private volatile TelemetrySink telemetry = TelemetrySink.NONE;
    private final Semaphore sequential = new Semaphore(1, true);
    private final Object initLock = new Object();
    private final ExecutorService controllers;
    /**
     * Fires the timeouts of invocations started off an event loop; a timeout is cancelled, and removed, as soon as
     * its invocation ends.
     */
    private final ScheduledThreadPoolExecutor timeouts;
    private int generations;
    private volatile String runtimeApiAddress;
    private volatile boolean closed;

    // Guarded by this.
    Generation current;
    final Deque<Exchange> parkedNexts = new ArrayDeque<>();
    /**
     * Multi-concurrency: runtime loops that have answered an invocation and are about to call {@code /next} again.
     * An invoke arriving in that instant waits for such a loop instead of being refused: the loop's slot is free
     * from the moment it answered, as on Lambda Managed Instances.
     */
    int finishingLoops;
    final Deque<Invocation> undelivered = new ArrayDeque<>();
    final Map<String, Invocation> active = new HashMap<>();
    /** Sequential mode: the invocation the runtime has, until it calls {@code /next} after answering it. */
    Invocation sequentialCurrent;
    /** Multi-concurrency: ids of invocations that timed out, so a late answer gets 410. Bounded. */
    final Map<String, Boolean> timedOut = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 1_000;
        }
    };

    /**
     * @param config the function's settings
     */
    public Sandbox(PlatformConfig config) {
        this.config = config;
        this.reports = new Reports(config.out(), config.functionVersion(), config.memoryMb());
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
    }

    /**
     * What the current environment holds on to for invocations that have ended: it must not grow with their
     * number (each callback left on the environment's failure used to keep its invocation).
     *
     * @return the invocations still followed plus the callbacks waiting on the environment's failure; 0 without one
     */
    public int heldForEndedInvocations() {
        Generation g;
        synchronized (this) {
            g = current;
        }
        return g == null ? 0 : g.followed.size() + g.failed.getNumberOfDependents();
    }

    /** @param address the Runtime API's {@code host:port}, given to the runtime and the extensions */
    public void runtimeApiAddress(String address) {
        this.runtimeApiAddress = address;
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
    public synchronized boolean subscriptionsOpen() {
        Generation g = current;
        return g != null && !g.resetting && !g.ready.isDone();
    }

    /** @return the function's settings */
    public PlatformConfig config() {
        return config;
    }

    /**
     * Runs an invoke, asynchronously: the answer goes to {@code responder}.
     *
     * @param request the event and its context
     * @param responder where the answer goes
     */
    public void invoke(InvokeRequest request, InvokeResponder responder) {
        if (closed) {
            responder.respond(502, Map.of("Content-Type", "application/json"), bytes(Errors.invokeJson(
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
        synchronized (this) {
            generation = current;
            if (generation == null || !generation.initDone || generation.resetting || generation.failed.isDone()) {
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
                generation = ensureInitialized(invocation.requestId, deadlineNanos);
            } catch (InitFailure failure) {
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
        responder.respond(500, Map.of("Content-Type", "application/json"),
                bytes(Errors.json("InternalServerError", String.valueOf(e.getMessage()))));
    }

    /** Hands the invocation to the runtime and follows it to its end; gives the turn back then, if it has it. */
    private void start(Generation generation, Invocation invocation, long deadlineNanos, boolean hasTurn) {
        boolean dispatched = false;
        try {
            if (idInFlight(invocation)) {
                invocation.responder.respond(400, Map.of("Content-Type", "application/json"), bytes(Errors.json(
                        "InvalidRequestID", "X-Amzn-RequestId " + invocation.requestId + " is already in flight: each"
                                + " concurrent invoke needs its own id")));
                return;
            }
            dispatched = dispatch(generation, invocation);
            if (!dispatched) {
                invocation.responder.respond(400, Map.of("Content-Type", "application/json"), bytes(Errors.json(
                        "Runtime.Unavailable", "No runtime is available to take the invoke: every one is busy")));
                return;
            }
            follow(generation, invocation, deadlineNanos, hasTurn ? sequential::release : () -> { });
        } catch (RuntimeException e) {
            internalError(invocation.responder, e);
        } finally {
            if (!dispatched && hasTurn) {
                sequential.release();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- init

    /** A failed init, as the invoker sees it. */
    static final class InitFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final transient Map<String, String> headers;
        final byte[] body;

        InitFailure(int status, Map<String, String> headers, byte[] body) {
            super(null, null, false, false);
            this.status = status;
            this.headers = headers;
            this.body = body;
        }
    }

    private Generation ensureInitialized(String requestId, long deadlineNanos) throws InitFailure, InterruptedException {
        synchronized (initLock) {
            Generation generation;
            synchronized (this) {
                generation = current;
                if (generation != null && generation.initDone && !generation.resetting && !generation.failed.isDone()) {
                    return generation;
                }
            }
            if (generation != null && generation.failed.isDone()) {
                // The runtime (or an extension) died between invocations: Lambda starts a new environment.
                reset(generation, "failure");
            }
            synchronized (this) {
                generation = new Generation(++generations);
                current = generation;
            }
            try {
                init(generation, requestId, deadlineNanos);
                return generation;
            } catch (InitFailure failure) {
                reset(generation, "failure");
                throw failure;
            }
        }
    }

    private void init(Generation g, String requestId, long deadlineNanos) throws InitFailure, InterruptedException {
        telemetry.platform("platform.initStart", PlatformEvents.initStart(config));
        List<Path> files = extensionFiles();
        synchronized (this) {
            files.forEach(file -> g.externalNames.add(file.getFileName().toString()));
        }
        for (Path file : files) {
            launchExtension(g, file);
        }
        synchronized (this) {
            if (g.launched.isEmpty()) {
                g.externalsRegistered.complete(null);
            }
        }
        if (!await(g.externalsRegistered, g, deadlineNanos)) {
            throw timedOutInit(g, requestId);
        }
        failIfFailed(g, requestId);
        try {
            RuntimeInstance runtime = config.launcher().start(runtimeEnvironment(), line -> telemetry.log("function", line));
            synchronized (this) {
                g.runtime = runtime;
            }
            runtime.exited().thenAccept(status -> runtimeExited(g, status));
        } catch (UncheckedIOException e) {
            config.err().println("[runway local] " + e.getMessage());
            initFailedTelemetry(g, "Runtime.InvalidEntrypoint");
            throw new InitFailure(502, jsonHeaders(), bytes(Errors.invokeJson("Runtime.InvalidEntrypoint",
                    "RequestId: " + requestId + " Error: " + e.getMessage())));
        }
        if (!await(g.ready, g, deadlineNanos)) {
            throw timedOutInit(g, requestId);
        }
        failIfFailed(g, requestId);
        synchronized (this) {
            g.initDone = true;
            g.initDurationMs = (System.nanoTime() - g.initStartNanos) / 1e6;
        }
        telemetry.platform("platform.initRuntimeDone", PlatformEvents.initRuntimeDone(config, "success", null));
        telemetry.platform("platform.initReport", PlatformEvents.initReport(config, "success", g.initDurationMs));
    }

    /** Waits for {@code step} or for the environment to fail, until the deadline; false on timeout. */
    private static boolean await(CompletableFuture<?> step, Generation g, long deadlineNanos) throws InterruptedException {
        try {
            CompletableFuture.anyOf(step, g.failed).get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    private void failIfFailed(Generation g, String requestId) throws InitFailure {
        Generation.Failure failure = g.failed.getNow(null);
        byte[] initError;
        String initErrorType;
        synchronized (this) {
            initError = g.initErrorBody;
            initErrorType = g.initErrorType;
        }
        if (initError != null && (failure != null || g.externalsRegistered.isCompletedExceptionally())) {
            // The runtime reported its init error and exited: the invoker gets that report, verbatim.
            initFailedTelemetry(g, initErrorType);
            throw new InitFailure(502, Map.of("Content-Type", "application/json", "X-Amz-Function-Error", "Unhandled"),
                    initError);
        }
        if (failure != null) {
            initFailedTelemetry(g, failure.errorType());
            throw new InitFailure(502, Map.of("Content-Type", "application/json", "X-Amz-Function-Error", "Unhandled"),
                    bytes(Errors.invokeJson(failure.errorType(), "RequestId: " + requestId + " Error: " + failure.detail())));
        }
    }

    private InitFailure timedOutInit(Generation g, String requestId) {
        initFailedTelemetry(g, "Sandbox.Timeout");
        if (!g.launched.isEmpty() && !g.externalsRegistered.isDone()) {
            config.err().println("[runway local] An extension did not register in time: the runtime was not started.");
        }
        return new InitFailure(200, Map.of("Content-Type", "text/plain; charset=utf-8"), bytes(timeoutMessage()));
    }

    private void initFailedTelemetry(Generation g, String errorType) {
        telemetry.platform("platform.initRuntimeDone", PlatformEvents.initRuntimeDone(config, "error", errorType));
        telemetry.platform("platform.initReport", PlatformEvents.initReport(config, "error",
                (System.nanoTime() - g.initStartNanos) / 1e6));
    }

    String timeoutMessage() {
        return "Task timed out after " + config.timeoutSeconds() + ".00 seconds";
    }

    /** The extensions directory's regular files, sorted by name, as Lambda lists {@code /opt/extensions}. */
    private List<Path> extensionFiles() {
        Path directory = config.extensionsDirectory();
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            config.err().println("[runway local] cannot list " + directory + ": " + e);
            return List.of();
        }
    }

    private void launchExtension(Generation g, Path file) {
        String name = file.getFileName().toString();
        ChildProcess process;
        try {
            process = ChildProcess.start("extension-" + name, List.of(file.toAbsolutePath().toString()),
                    extensionEnvironment(), config.taskRoot(), config.out(), config.err(),
                    line -> telemetry.log("extension", line));
        } catch (UncheckedIOException e) {
            config.err().println("[runway local] " + e.getMessage());
            g.failed.complete(new Generation.Failure("Extension.LaunchError", e.getMessage()));
            return;
        }
        synchronized (this) {
            g.launched.put(name, process);
        }
        process.exited().thenAccept(status -> extensionExited(g, name, status));
    }

    Map<String, String> runtimeEnvironment() {
        Map<String, String> env = new HashMap<>(config.environment());
        env.keySet().removeIf(key -> key.startsWith("RUNWAY_LOCAL"));
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApiAddress);
        env.put("AWS_LAMBDA_FUNCTION_NAME", config.functionName());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", config.functionVersion());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memoryMb()));
        env.putIfAbsent("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + config.functionName());
        env.putIfAbsent("AWS_LAMBDA_LOG_STREAM_NAME", "$LATEST");
        env.putIfAbsent("AWS_REGION", config.region());
        env.putIfAbsent("AWS_DEFAULT_REGION", config.region());
        env.putIfAbsent("LAMBDA_TASK_ROOT", config.taskRoot().toString());
        // snap-start is kept when the developer asks for it: the runtime then runs its SnapStart hooks around
        // /runtime/restore/next, which this emulator answers at once (it takes no snapshot).
        if (!"snap-start".equals(config.environment().get("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            env.put("AWS_LAMBDA_INITIALIZATION_TYPE", config.concurrent() ? "lambda-managed-instances" : "on-demand");
        }
        if (config.concurrent()) {
            env.put("AWS_LAMBDA_MAX_CONCURRENCY", Integer.toString(config.maxConcurrency()));
        } else {
            env.remove("AWS_LAMBDA_MAX_CONCURRENCY");
        }
        if (config.handler() != null) {
            env.put("_HANDLER", config.handler());
        }
        return env;
    }

    /** What extensions see: the runtime's environment less what Lambda hides from them. */
    Map<String, String> extensionEnvironment() {
        Map<String, String> env = runtimeEnvironment();
        env.keySet().removeIf(key -> key.startsWith("_") || key.startsWith("AWS_XRAY_")
                || List.of("AWS_EXECUTION_ENV", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
                        "LAMBDA_RUNTIME_DIR", "LAMBDA_TASK_ROOT").contains(key));
        return env;
    }

    // ------------------------------------------------------------------------------------------ processes

    private void runtimeExited(Generation g, int status) {
        synchronized (this) {
            if (g.resetting) {
                return;
            }
        }
        g.failed.complete(new Generation.Failure("Runtime.ExitError", Errors.runtimeExit(status)));
    }

    private void extensionExited(Generation g, String name, int status) {
        synchronized (this) {
            if (g.resetting) {
                return;
            }
            Extension extension = g.extensions.values().stream().filter(e -> e.name.equals(name)).findFirst().orElse(null);
            if (extension != null && extension.reportedError != null) {
                g.failed.complete(new Generation.Failure(extension.reportedError, "exit status " + status));
                return;
            }
        }
        config.err().println("[runway local] Extension " + name + " exited: " + Errors.exitDetail(status));
        g.failed.complete(new Generation.Failure("Extension.Crash", Errors.exitDetail(status)));
    }

    // ---------------------------------------------------------------------------------------- invocations

    /**
     * Under multi-concurrency the caller may choose the request id: a second invoke with the id of one in flight
     * would make the two answers indistinguishable, so it is refused.
     *
     * @return whether the id is taken by an invocation in flight
     */
    private synchronized boolean idInFlight(Invocation invocation) {
        return config.concurrent() && active.containsKey(invocation.requestId);
    }

    private boolean dispatch(Generation g, Invocation invocation) {
        synchronized (this) {
            if (config.concurrent() && finishingLoops <= undelivered.size()
                    && parkedNexts.stream().noneMatch(Exchange::isOpen)) {
                return false;
            }
            if (active.putIfAbsent(invocation.requestId, invocation) != null) {
                throw new IllegalStateException("request id " + invocation.requestId + " is already in flight");
            }
            invocation.startNanos = System.nanoTime();
            if (!config.concurrent()) {
                // Lambda Managed Instances send extensions no INVOKE; on-demand Lambda sends it to subscribers.
                String event = PlatformEvents.invokeEvent(invocation, config.functionArn());
                for (Extension extension : g.extensions.values()) {
                    if (extension.subscribes("INVOKE")) {
                        invocation.extensionsBusy.add(extension);
                        extension.deliver(new Extension.Pending(event, invocation, false));
                    }
                }
            }
            undelivered.add(invocation);
            deliverToRuntime();
        }
        reports.start(invocation.requestId);
        platformEvent("platform.start", () -> PlatformEvents.start(invocation, config));
        return true;
    }

    /** Ends the invocation if nothing is outstanding; counts its loop as finishing. Call with the lock held. */
    void checkEnded(Invocation invocation) {
        if (invocation.checkEnded(config.concurrent()) && config.concurrent()) {
            finishingLoops++;
        }
    }

    /** Pairs waiting invocations with waiting {@code /next} calls. Call with the lock held. */
    void deliverToRuntime() {
        while (!undelivered.isEmpty() && !parkedNexts.isEmpty()) {
            Exchange next = parkedNexts.poll();
            Invocation invocation = undelivered.peek();
            if (RuntimeApi.sendEvent(next, invocation, config)) {
                undelivered.poll();
                invocation.delivered = true;
                if (!config.concurrent()) {
                    sequentialCurrent = invocation;
                }
            }
        }
    }

    /**
     * Follows a dispatched invocation to its end without a thread of its own: {@code platform.runtimeDone} as soon
     * as the runtime is done (extensions may still be busy), then the report when it has ended, the timeout when
     * its deadline passes first, or the crash when the environment fails first. Exactly one of these settles it.
     *
     * @param afterwards gives the turn back, once the invocation is settled
     */
    private void follow(Generation g, Invocation invocation, long deadlineNanos, Runnable afterwards) {
        invocation.afterwards = afterwards;
        // (Kept on the invocation: whichever outcome settles it runs this, once.)
        Runnable timeout = () -> settle(g, invocation, () -> timedOut(g, invocation), true);
        long delay = Math.max(0, deadlineNanos - System.nanoTime());
        // On an event loop, its own timer: scheduling and cancelling there wake no other thread.
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        invocation.timer(loop != null
                ? loop.schedule(timeout, delay, TimeUnit.NANOSECONDS)
                : timeouts.schedule(timeout, delay, TimeUnit.NANOSECONDS));
        // The futures complete under the sandbox's lock: what follows runs after the completer has released it.
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
        double initDurationMs;
        synchronized (this) {
            active.remove(invocation.requestId);
            initDurationMs = g.initDurationReported ? -1 : g.initDurationMs;
            g.initDurationReported = true;
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
        if (telemetry.wants("platform")) {
            telemetry.platform(type, record.get());
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
        config.out().println(Instant.now() + " " + invocation.requestId + " " + timeoutMessage());
        if (config.concurrent()) {
            // Lambda Managed Instances: the invocation fails, the runtime lives on; a late answer gets 410.
            synchronized (this) {
                timedOut.put(invocation.requestId, Boolean.TRUE);
                undelivered.remove(invocation);
            }
            invocation.responder.respond(200, Map.of("Content-Type", "application/json", "Error-Type", "Sandbox.Timedout",
                    "X-Amz-Function-Error", "Unhandled"), bytes(Errors.invokeJson("Sandbox.Timedout", timeoutMessage())));
            finished(g, invocation, "timeout", "Sandbox.Timedout");
            return;
        }
        boolean streaming;
        synchronized (this) {
            streaming = invocation.answered;
        }
        if (streaming) {
            invocation.responder.endStream(Map.of("Lambda-Runtime-Function-Error-Type", "Sandbox.Timedout"));
        }
        invocation.responder.respond(200, Map.of("Content-Type", "text/plain; charset=utf-8"), bytes(timeoutMessage()));
        finished(g, invocation, "timeout", null);
        reset(g, "timeout");
    }

    private void crashed(Generation g, Invocation invocation, Generation.Failure failure) {
        String message = "RequestId: " + invocation.requestId + " Error: " + failure.detail();
        config.err().println("[runway local] " + failure.errorType() + ": " + message);
        invocation.responder.endStream(Map.of("Lambda-Runtime-Function-Error-Type", failure.errorType()));
        invocation.responder.respond(502, Map.of("Content-Type", "application/json", "X-Amz-Function-Error", "Unhandled"),
                bytes(Errors.invokeJson(failure.errorType(), message)));
        finished(g, invocation, "error", failure.errorType());
        reset(g, "failure");
    }

    private long peakMemoryMb(Generation g) {
        long kib = 0;
        synchronized (this) {
            if (g.runtime != null) {
                kib += g.runtime.peakMemoryKib();
            }
            for (ChildProcess extension : g.launched.values()) {
                kib += extension.peakMemoryKib();
            }
        }
        return (kib + 1023) / 1024;
    }

    // ------------------------------------------------------------------------------------------ shutdown

    /**
     * Ends an environment as Lambda does: with extensions registered, SIGTERM to the runtime and, after its
     * share of the budget, SIGKILL; then SHUTDOWN to the external extensions that subscribed to it, SIGKILL to
     * the others, and SIGKILL to whatever still runs at the deadline. With no extension, SIGKILL at once: the
     * runtime's shutdown hooks do not run, exactly as on Lambda.
     *
     * @param g the environment
     * @param reason the SHUTDOWN event's reason: {@code spindown}, {@code timeout} or {@code failure}
     */
    void reset(Generation g, String reason) {
        List<Extension> extensions;
        RuntimeInstance runtime;
        Map<String, ChildProcess> processes;
        synchronized (this) {
            if (g.resetting) {
                return;
            }
            g.resetting = true;
            g.registrationOpen = false;
            if (current == g) {
                current = null;
            }
            extensions = new ArrayList<>(g.extensions.values());
            runtime = g.runtime;
            processes = new LinkedHashMap<>(g.launched);
            parkedNexts.clear();
            finishingLoops = 0;
            undelivered.clear();
            active.clear();
            sequentialCurrent = null;
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
        synchronized (this) {
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

    /** Shuts the environment down (reason {@code spindown}), as when Lambda retires it; the servers stay up. */
    @Override
    public void close() {
        closed = true;
        Generation g;
        synchronized (this) {
            g = current;
        }
        if (g != null) {
            reset(g, "spindown");
        }
        controllers.shutdownNow();
        timeouts.shutdownNow();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, String> jsonHeaders() {
        return Map.of("Content-Type", "application/json");
    }

    static String quote(String s) {
        return Json.quote(s);
    }
}
