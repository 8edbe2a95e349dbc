package dev.runway.bootstrap.local;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A runtime the test plays itself: the platform "starts" it (the test sees the environment it got), and the
 * test then calls the Runtime API as a runtime would. Its exit is the test's to decide.
 */
final class TestRuntime implements RuntimeLauncher {

    /** One start of the runtime. */
    static final class Instance implements RuntimeInstance {
        final Map<String, String> environment;
        /** Where the runtime's output lines go: what the runtime prints, for telemetry. */
        final Consumer<String> log;
        final CompletableFuture<Integer> exited = new CompletableFuture<>();
        volatile boolean terminated;
        volatile boolean killed;

        Instance(Map<String, String> environment, Consumer<String> log) {
            this.environment = environment;
            this.log = log;
        }

        @Override
        public CompletableFuture<Integer> exited() {
            return exited;
        }

        @Override
        public void terminate() {
            terminated = true;
        }

        @Override
        public void kill() {
            killed = true;
            exited.complete(137);
        }

        @Override
        public long peakMemoryKib() {
            return 0;
        }

        /** Ends the runtime with a status, as a crash or an exit would. */
        void exit(int status) {
            exited.complete(status);
        }
    }

    private final LinkedBlockingQueue<Instance> started = new LinkedBlockingQueue<>();

    @Override
    public RuntimeInstance start(Map<String, String> environment, Consumer<String> logLine) {
        Instance instance = new Instance(environment, logLine);
        started.add(instance);
        return instance;
    }

    /** Waits (a bounded time) for the platform to start the runtime. */
    Instance awaitStart() throws InterruptedException {
        Instance instance = started.poll(30, TimeUnit.SECONDS);
        if (instance == null) {
            throw new AssertionError("the platform did not start the runtime");
        }
        return instance;
    }
}
