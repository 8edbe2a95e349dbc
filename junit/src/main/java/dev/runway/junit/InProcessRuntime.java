package dev.runway.junit;

import dev.runway.bootstrap.extensions.ExtensionsHooks;
import dev.runway.bootstrap.local.RuntimeInstance;
import dev.runway.bootstrap.local.RuntimeLauncher;
import dev.runway.ric.RuntimeInterfaceClient;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs Runway's runtime on a thread of the test JVM, against the embedded platform's Runtime API: the handler
 * is loaded from the test's class path, so a test needs no build of a function zip and no child JVM. Internal
 * extensions ({@code dev.runway.extensions.InternalExtension} services on the test's class path) register with the
 * embedded platform and are called around each invocation, as in the deployed function.
 *
 * <p>A thread cannot be killed: after a timeout the platform starts a fresh runtime as Lambda does, and the old
 * thread is interrupted and left to end; if it ever answers, the platform refuses the stale request id.
 */
final class InProcessRuntime implements RuntimeLauncher {

    private static final AtomicInteger STARTS = new AtomicInteger();

    private final Consumer<Consumer<String>> logSource;

    /**
     * @param logSource registers, for each start, where the runtime's output lines go (for telemetry)
     */
    InProcessRuntime(Consumer<Consumer<String>> logSource) {
        this.logSource = logSource;
    }

    @Override
    public RuntimeInstance start(Map<String, String> environment, Consumer<String> logLine) {
        logSource.accept(logLine);
        CompletableFuture<Integer> exited = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                // Internal extensions on the test's class path run as they would in the function; no SIGTERM
                // registration or JVM shutdown hook, which belong to a process of its own, not to the test JVM.
                Map<String, String> env = new HashMap<>(environment);
                env.put("RUNWAY_GRACEFUL_SHUTDOWN", "false");
                exited.complete(RuntimeInterfaceClient.run(env, env.get("_HANDLER"), new ExtensionsHooks(env)));
            } catch (Throwable e) {
                exited.complete(1);
            }
        }, "runway-junit-runtime-" + STARTS.incrementAndGet());
        thread.setDaemon(true);
        thread.setContextClassLoader(InProcessRuntime.class.getClassLoader());
        thread.start();
        return new RuntimeInstance() {
            @Override
            public CompletableFuture<Integer> exited() {
                return exited;
            }

            @Override
            public void terminate() {
                thread.interrupt();
            }

            @Override
            public void kill() {
                thread.interrupt();
                // The platform must not wait for a thread that will not stop: it counts as gone.
                exited.complete(137);
            }

            @Override
            public long peakMemoryKib() {
                Runtime jvm = Runtime.getRuntime();
                return (jvm.totalMemory() - jvm.freeMemory()) / 1024;
            }
        };
    }
}
