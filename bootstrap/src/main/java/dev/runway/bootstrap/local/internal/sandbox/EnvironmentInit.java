package dev.runway.bootstrap.local.internal.sandbox;

import dev.runway.bootstrap.local.RuntimeInstance;
import dev.runway.bootstrap.local.internal.process.ChildProcess;
import dev.runway.bootstrap.local.internal.telemetry.TelemetrySink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Builds an environment when an invoke needs one, as Lambda's init does: the external extensions launched from
 * the extensions directory and registered, then the runtime started, until the runtime and every extension are
 * ready; and watches their processes, whose exit fails the environment. It blocks: never call it on an event loop.
 */
final class EnvironmentInit {

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

    private final PlatformConfig config;
    private final Environments environments;
    private final FunctionVariables variables;
    private final ShutdownSequence shutdown;
    private final Supplier<TelemetrySink> telemetry;
    /** One init at a time: invokes that find no environment wait for the one being built. */
    private final Object initLock = new Object();

    EnvironmentInit(PlatformConfig config, Environments environments, FunctionVariables variables,
            ShutdownSequence shutdown, Supplier<TelemetrySink> telemetry) {
        this.config = config;
        this.environments = environments;
        this.variables = variables;
        this.shutdown = shutdown;
        this.telemetry = telemetry;
    }

    /**
     * @return the current environment, running; built first when there is none, or it failed
     * @throws InitFailure when the init fails or times out: the environment is reset then
     */
    Generation ensureRunning(String requestId, long deadlineNanos) throws InitFailure, InterruptedException {
        synchronized (initLock) {
            Generation generation;
            synchronized (environments) {
                generation = environments.current();
                if (generation != null && generation.serving()) {
                    return generation;
                }
            }
            if (generation != null && generation.failed.isDone()) {
                // The runtime (or an extension) died between invocations: Lambda starts a new environment.
                shutdown.reset(generation, "failure");
            }
            generation = environments.startNew();
            try {
                init(generation, requestId, deadlineNanos);
                return generation;
            } catch (InitFailure failure) {
                shutdown.reset(generation, "failure");
                throw failure;
            }
        }
    }

    private void init(Generation g, String requestId, long deadlineNanos) throws InitFailure, InterruptedException {
        telemetry.get().platform("platform.initStart", PlatformEvents.initStart(config));
        List<Path> files = extensionFiles();
        synchronized (environments) {
            files.forEach(file -> g.externalNames.add(file.getFileName().toString()));
        }
        for (Path file : files) {
            launchExtension(g, file);
        }
        synchronized (environments) {
            if (g.launched.isEmpty()) {
                g.externalsRegistered.complete(null);
            }
        }
        if (!await(g.externalsRegistered, g, deadlineNanos)) {
            throw timedOut(g);
        }
        failIfFailed(g, requestId);
        try {
            RuntimeInstance runtime = config.launcher().start(variables.forRuntime(),
                    line -> telemetry.get().log("function", line));
            synchronized (environments) {
                g.runtime = runtime;
            }
            runtime.exited().thenAccept(status -> runtimeExited(g, status));
        } catch (UncheckedIOException e) {
            config.err().println("[runway local] " + e.getMessage());
            initFailedTelemetry(g, "Runtime.InvalidEntrypoint");
            throw new InitFailure(502, Sandbox.jsonHeaders(), Sandbox.bytes(Errors.invokeJson("Runtime.InvalidEntrypoint",
                    "RequestId: " + requestId + " Error: " + e.getMessage())));
        }
        if (!await(g.ready, g, deadlineNanos)) {
            throw timedOut(g);
        }
        failIfFailed(g, requestId);
        synchronized (environments) {
            if (g.is(Generation.Phase.SHUTTING_DOWN)) {
                // Retired (a new deployment) in the instant since the check above.
                initFailedTelemetry(g, "Sandbox.Reset");
                throw new InitFailure(502, unhandled(), Sandbox.bytes(Errors.invokeJson("Sandbox.Reset",
                        "RequestId: " + requestId + " Error: spindown")));
            }
            g.initDone();
        }
        telemetry.get().platform("platform.initRuntimeDone", PlatformEvents.initRuntimeDone(config, "success", null));
        telemetry.get().platform("platform.initReport", PlatformEvents.initReport(config, "success", g.initDurationMs()));
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
        synchronized (environments) {
            initError = g.initErrorBody();
            initErrorType = g.initErrorType();
        }
        if (initError != null && (failure != null || g.externalsRegistered.isCompletedExceptionally())) {
            // The runtime reported its init error and exited: the invoker gets that report, verbatim.
            initFailedTelemetry(g, initErrorType);
            throw new InitFailure(502, unhandled(), initError);
        }
        if (failure != null) {
            initFailedTelemetry(g, failure.errorType());
            throw new InitFailure(502, unhandled(), Sandbox.bytes(Errors.invokeJson(failure.errorType(),
                    "RequestId: " + requestId + " Error: " + failure.detail())));
        }
    }

    private static Map<String, String> unhandled() {
        return Map.of("Content-Type", "application/json", "X-Amz-Function-Error", "Unhandled");
    }

    private InitFailure timedOut(Generation g) {
        initFailedTelemetry(g, "Sandbox.Timeout");
        boolean unregistered;
        synchronized (environments) {
            unregistered = !g.launched.isEmpty() && !g.externalsRegistered.isDone();
        }
        if (unregistered) {
            config.err().println("[runway local] An extension did not register in time: the runtime was not started.");
        }
        return new InitFailure(200, Map.of("Content-Type", "text/plain; charset=utf-8"),
                Sandbox.bytes(config.timeoutMessage()));
    }

    private void initFailedTelemetry(Generation g, String errorType) {
        telemetry.get().platform("platform.initRuntimeDone", PlatformEvents.initRuntimeDone(config, "error", errorType));
        telemetry.get().platform("platform.initReport", PlatformEvents.initReport(config, "error",
                (System.nanoTime() - g.initStartNanos) / 1e6));
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
                    variables.forExtensions(), config.taskRoot(), config.out(), config.err(),
                    line -> telemetry.get().log("extension", line));
        } catch (UncheckedIOException e) {
            config.err().println("[runway local] " + e.getMessage());
            g.failed.complete(new Generation.Failure("Extension.LaunchError", e.getMessage()));
            return;
        }
        synchronized (environments) {
            g.launched.put(name, process);
        }
        process.exited().thenAccept(status -> extensionExited(g, name, status));
    }

    private void runtimeExited(Generation g, int status) {
        synchronized (environments) {
            if (g.is(Generation.Phase.SHUTTING_DOWN)) {
                return;
            }
        }
        g.failed.complete(new Generation.Failure("Runtime.ExitError", Errors.runtimeExit(status)));
    }

    private void extensionExited(Generation g, String name, int status) {
        synchronized (environments) {
            if (g.is(Generation.Phase.SHUTTING_DOWN)) {
                return;
            }
            Extension extension = g.extensionNamed(name);
            if (extension != null && extension.reportedError != null) {
                g.failed.complete(new Generation.Failure(extension.reportedError, "exit status " + status));
                return;
            }
        }
        config.err().println("[runway local] Extension " + name + " exited: " + Errors.exitDetail(status));
        g.failed.complete(new Generation.Failure("Extension.Crash", Errors.exitDetail(status)));
    }
}
