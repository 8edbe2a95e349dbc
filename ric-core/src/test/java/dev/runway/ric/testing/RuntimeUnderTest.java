package dev.runway.ric.testing;

import dev.runway.ric.RuntimeHooks;

import dev.runway.ric.RuntimeInterfaceClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link RuntimeInterfaceClient} in this JVM, on its own thread, against a {@link FakeRuntimeApi}: the loop
 * under test speaks real HTTP over loopback. Closing the fake ends the loop.
 */
public final class RuntimeUnderTest implements AutoCloseable {

    private final FakeRuntimeApi api;
    private final CompletableFuture<Integer> exitStatus = new CompletableFuture<>();

    private RuntimeUnderTest(FakeRuntimeApi api, Map<String, String> env, String handler, RuntimeHooks hooks) {
        this.api = api;
        Thread thread = new Thread(() -> {
            try {
                exitStatus.complete(RuntimeInterfaceClient.run(env, handler, hooks));
            } catch (Throwable e) {
                exitStatus.completeExceptionally(e);
            }
        }, "runtime-under-test");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts the runtime.
     *
     * @param api the fake platform
     * @param taskRoot the function's directory
     * @param handler the handler string
     * @param extraEnv more environment variables, such as {@code AWS_LAMBDA_MAX_CONCURRENCY}
     * @return the running runtime
     */
    public static RuntimeUnderTest start(FakeRuntimeApi api, Path taskRoot, String handler, Map<String, String> extraEnv) {
        return start(api, taskRoot, handler, extraEnv, RuntimeHooks.NONE);
    }

    /**
     * Starts the runtime with hooks, as the bootstrap runs it.
     *
     * @param api the fake platform
     * @param taskRoot the function's directory
     * @param handler the handler string
     * @param extraEnv more environment variables
     * @param hooks the embedding process's hooks
     * @return the running runtime
     */
    public static RuntimeUnderTest start(FakeRuntimeApi api, Path taskRoot, String handler, Map<String, String> extraEnv,
            RuntimeHooks hooks) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_LAMBDA_RUNTIME_API", api.address());
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", "test_function");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/test_function");
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/21/[$LATEST]abc");
        env.putAll(extraEnv);
        return new RuntimeUnderTest(api, env, handler, hooks);
    }

    /**
     * Waits for the runtime to return, which it does after an init error or once the platform is gone.
     *
     * @param timeout a bound on a hung test, not an assertion on speed
     * @return the exit status
     */
    public int awaitExit(Duration timeout) throws Exception {
        return exitStatus.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws Exception {
        api.close();
        awaitExit(Duration.ofSeconds(30));
    }
}
