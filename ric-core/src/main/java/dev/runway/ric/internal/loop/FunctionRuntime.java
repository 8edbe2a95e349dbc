package dev.runway.ric.internal.loop;

import dev.runway.ric.InvocationListener;
import dev.runway.ric.RuntimeHooks;
import dev.runway.ric.internal.api.ErrorPost;
import dev.runway.ric.internal.api.PostResult;
import dev.runway.ric.internal.api.RuntimeApiClient;
import dev.runway.ric.internal.api.RuntimeApiException;
import dev.runway.ric.internal.classpath.FunctionClassLoader;
import dev.runway.ric.internal.env.InvalidEnvironmentException;
import dev.runway.ric.internal.env.LambdaEnvironment;
import dev.runway.ric.internal.error.ErrorReport;
import dev.runway.ric.internal.error.ErrorTypes;
import dev.runway.ric.internal.handler.FunctionHandler;
import dev.runway.ric.internal.handler.HandlerLoadException;
import dev.runway.ric.internal.handler.HandlerLoader;
import dev.runway.ric.internal.logging.InvocationLogContext;
import dev.runway.ric.internal.logging.RuntimeLogging;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Init, then the invocation loops: loads the function, reports an init failure to {@code /init/error}, and runs
 * one loop (or {@code AWS_LAMBDA_MAX_CONCURRENCY} loops, each on its own thread and connection) until the platform
 * ends one; the other loops' invocations in flight then finish (within their deadlines) before it returns.
 */
public final class FunctionRuntime {

    /** The process exit status after an init error or when the platform went away. */
    public static final int EXIT_FAILURE = 1;

    private final LambdaEnvironment environment;
    private final RuntimeHooks hooks;
    private InvocationListener listener;

    /**
     * @param environment the function's settings
     */
    public FunctionRuntime(LambdaEnvironment environment) {
        this(environment, RuntimeHooks.NONE);
    }

    /**
     * @param environment the function's settings
     * @param hooks the embedding process's hooks
     */
    public FunctionRuntime(LambdaEnvironment environment, RuntimeHooks hooks) {
        this.environment = environment;
        this.hooks = hooks;
    }

    /**
     * Initialises the function and runs the loops. Returns only when the runtime must exit.
     *
     * @return the process exit status
     */
    public int run() {
        RuntimeApiClient first = RuntimeApiClient.create(environment.runtimeApi());
        FunctionClassLoader loader;
        FunctionHandler handler;
        try {
            loader = FunctionClassLoader.create(Path.of(environment.taskRoot()));
            Thread.currentThread().setContextClassLoader(loader);
            listener = hooks.beforeInit(loader);
            handler = HandlerLoader.load(environment.handler(), loader);
            if (environment.streamResponses() && !handler.streamsResponse()) {
                handler = streamingVersion(handler);
            }
        } catch (HandlerLoadException e) {
            return initFailed(first, ErrorReport.withoutStackTrace(e.errorType(), e.getMessage()), e);
        } catch (Throwable e) {
            Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
            return initFailed(first, ErrorReport.of(cause), e);
        }
        TraceIdPublisher traceIds = new TraceIdPublisher(environment.multiConcurrent(), loader);
        InvocationLogContext logs = new InvocationLogContext(RuntimeLogging.current(), loader);
        if (SnapStart.INITIALIZATION_TYPE.equals(environment.initializationType())) {
            int status = SnapStart.checkpointAndRestore(first, loader);
            if (status != 0) {
                return status;
            }
        }
        return runLoops(first, handler, traceIds, logs, loader);
    }

    private int runLoops(RuntimeApiClient first, FunctionHandler handler, TraceIdPublisher traceIds,
            InvocationLogContext logs, ClassLoader loader) {
        int count = environment.loopCount();
        if (count == 1) {
            return runLoop(new InvocationLoop(first, handler, environment, traceIds, logs, listener));
        }
        CompletableFuture<Integer> firstEnded = new CompletableFuture<>();
        InFlight inFlight = new InFlight();
        List<Thread> threads = new ArrayList<>(count);
        // Platform threads by default, as the managed runtime; virtual threads on request: each loop spends its
        // life blocked on its connection, which is what virtual threads make cheap.
        Thread.Builder builder = environment.virtualThreads()
                ? Thread.ofVirtual().name("runway-loop-", 0)
                : Thread.ofPlatform().name("runway-loop-", 0);
        for (int i = 0; i < count; i++) {
            RuntimeApiClient client = i == 0 ? first : RuntimeApiClient.create(environment.runtimeApi());
            InvocationLoop loop = new InvocationLoop(client, handler, environment, traceIds, logs, listener, inFlight);
            Thread thread = builder.unstarted(() -> firstEnded.complete(runLoop(loop)));
            thread.setContextClassLoader(loader);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        int status;
        try {
            status = firstEnded.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_FAILURE;
        } catch (ExecutionException e) {
            status = EXIT_FAILURE;
        }
        // A loop ended because the platform refused it or went away; the other loops' invocations still in
        // flight get to finish and post (within their deadlines) before the process exits.
        if (!inFlight.awaitNone()) {
            Diagnostics.warn("Invocations still running past their deadline; the runtime exits regardless.");
        }
        return status;
    }

    /** Runs a loop to its end, which only the platform causes; never throws. */
    private static int runLoop(InvocationLoop loop) {
        try {
            loop.run();
            return 0;
        } catch (RuntimeApiException e) {
            Diagnostics.warn(e.getMessage() + "; the runtime exits.");
            return EXIT_FAILURE;
        } catch (Throwable e) {
            // The loop catches every invocation's failures itself; what still arrives here broke the runtime.
            try {
                Diagnostics.warn("The invocation loop failed (" + e.getClass().getName() + "); the runtime exits.");
            } catch (Throwable ignored) {
                // exit regardless
            }
            return EXIT_FAILURE;
        }
    }

    /**
     * Reports a configuration the runtime cannot start with, to {@code /init/error} when the platform's address
     * is known, and on standard error.
     *
     * @param runtimeApi {@code AWS_LAMBDA_RUNTIME_API}, may be {@code null}
     * @param failure what is wrong
     * @return the exit status
     */
    public static int configurationFailed(String runtimeApi, InvalidEnvironmentException failure) {
        Diagnostics.warn("Init failed: " + failure.getMessage());
        if (runtimeApi != null && !runtimeApi.isBlank()) {
            ErrorReport report = ErrorReport.withoutStackTrace(ErrorTypes.INVALID_CONFIGURATION, failure.getMessage());
            postInitError(RuntimeApiClient.create(runtimeApi), report.toPost(ErrorTypes.INVALID_CONFIGURATION, null));
        }
        return EXIT_FAILURE;
    }

    private static void postInitError(RuntimeApiClient client, ErrorPost post) {
        try (client) {
            PostResult result = client.postInitError(post);
            if (!result.accepted()) {
                Diagnostics.warn("The platform refused the init error: HTTP " + result.status() + " " + result.bodyText());
            }
        } catch (RuntimeApiException e) {
            Diagnostics.warn(e.getMessage());
        }
    }

    /** The handler opted in to streaming by {@code RUNWAY_RESPONSE_STREAMING}; one that cannot stream fails init. */
    private FunctionHandler streamingVersion(FunctionHandler handler) {
        FunctionHandler streaming = handler.streaming();
        if (streaming == null) {
            throw new HandlerLoadException(IllegalArgumentException.class.getName(), "RUNWAY_RESPONSE_STREAMING is"
                    + " set, but " + environment.handler() + " does not write its response to an OutputStream:"
                    + " only a RequestStreamHandler or a method taking an OutputStream can stream", null);
        }
        return streaming;
    }

    private static int initFailed(RuntimeApiClient client, ErrorReport report, Throwable failure) {
        // What the function printed during init, unfinished lines included, comes before the failure.
        RuntimeLogging.current().flushThread();
        Diagnostics.warn("Init failed: " + report.errorType() + ": " + report.errorMessage());
        if (!(failure instanceof HandlerLoadException) || failure.getCause() != null) {
            Diagnostics.initFailed(failure);
        }
        postInitError(client, report.toPost(ErrorTypes.BAD_FUNCTION_CODE, null));
        return EXIT_FAILURE;
    }
}
