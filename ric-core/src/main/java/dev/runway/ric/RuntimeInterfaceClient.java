package dev.runway.ric;

import dev.runway.ric.internal.classpath.FunctionClassLoader;
import dev.runway.ric.internal.env.InvalidEnvironmentException;
import dev.runway.ric.internal.env.LambdaEnvironment;
import dev.runway.ric.internal.handler.HandlerLoader;
import dev.runway.ric.internal.logging.LogSettings;
import dev.runway.ric.internal.logging.RuntimeLogging;
import dev.runway.ric.internal.loop.FunctionRuntime;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs a Java function against the Lambda Runtime API: the entry point of the runtime.
 *
 * <p>{@code java -cp <runtime jars> dev.runway.ric.RuntimeInterfaceClient pkg.Handler::method} reads
 * {@code AWS_LAMBDA_RUNTIME_API}, loads the handler from {@code LAMBDA_TASK_ROOT} (or the working directory),
 * and serves invocations until the platform stops the process. The handler comes from the first argument, or
 * from {@code _HANDLER} when there is none.
 */
public final class RuntimeInterfaceClient {

    private static final String CRAC_COMPAT = "org.crac.Core.Compat";
    /**
     * How long the JVM's shutdown (hooks included) may take once the runtime decided to exit, before the process
     * halts: a shutdown hook of the function that never returns must not keep a finished runtime alive.
     */
    static final long EXIT_GRACE_MS = 1_500;

    private RuntimeInterfaceClient() {}

    /**
     * Runs the function and exits the JVM with the runtime's exit status.
     *
     * @param args the handler string, optionally
     */
    public static void main(String[] args) {
        int status;
        try {
            status = run(System.getenv(), args.length > 0 ? args[0] : null);
        } catch (Throwable failure) {
            status = failed(failure);
        }
        exit(status);
    }

    /**
     * Ends the process with {@code status}, promptly: {@link System#exit}, so that threads the function left
     * running cannot keep it alive, and a halt when shutdown hooks still run after {@value #EXIT_GRACE_MS} ms.
     *
     * @param status the exit status
     */
    public static void exit(int status) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(EXIT_GRACE_MS);
            } catch (InterruptedException ignored) {
                // halt now
            }
            Runtime.getRuntime().halt(status);
        }, "runway-exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        System.exit(status);
    }

    /**
     * What the entry points do with a throwable that escaped the runtime (a defect of the runtime itself).
     *
     * @param failure what escaped
     * @return the exit status
     */
    public static int failed(Throwable failure) {
        try {
            System.err.println("[runway] The runtime failed: " + failure.getClass().getName() + "; it exits.");
        } catch (Throwable ignored) {
            // exit regardless
        }
        return FunctionRuntime.EXIT_FAILURE;
    }

    /**
     * Says, without loading anything, whether init would find the handler's class in a task root: for a launcher
     * that warns before it starts the runtime, as local mode does.
     *
     * @param handler the handler string
     * @param taskRoot the function's directory: classes at its top, jars in its {@code lib/}
     * @return the message init would fail with, or {@code null} when the class file is there
     * @throws IOException when the task root cannot be read
     */
    public static String missingHandlerClass(String handler, Path taskRoot) throws IOException {
        try (FunctionClassLoader loader = FunctionClassLoader.create(taskRoot)) {
            return HandlerLoader.missingHandlerClass(handler, loader);
        }
    }

    /**
     * Runs the function in this JVM. Returns only when the runtime must stop: after an init error, when the
     * platform cannot be reached, or after a fatal JVM error.
     *
     * @param environment the process environment
     * @param handlerArgument the handler string, or {@code null} to read {@code _HANDLER}
     * @return the exit status the process should end with
     */
    public static int run(Map<String, String> environment, String handlerArgument) {
        return run(environment, handlerArgument, RuntimeHooks.NONE);
    }

    /**
     * Runs the function in this JVM with the embedding process's hooks.
     *
     * @param environment the process environment
     * @param handlerArgument the handler string, or {@code null} to read {@code _HANDLER}
     * @param hooks called during init (see {@link RuntimeHooks})
     * @return the exit status the process should end with
     */
    public static int run(Map<String, String> environment, String handlerArgument, RuntimeHooks hooks) {
        // Before any function class loads: org.crac (io.github.crac:org-crac) forwards to the package this names,
        // so SnapStart hooks registered through it reach Runway, as they reach the managed runtime's own package.
        if (System.getProperty(CRAC_COMPAT) == null) {
            System.setProperty(CRAC_COMPAT, "dev.runway.ric.crac");
        }
        LambdaEnvironment settings;
        LogSettings logSettings;
        try {
            settings = LambdaEnvironment.from(environment, handlerArgument);
            logSettings = LogSettings.from(environment);
        } catch (InvalidEnvironmentException e) {
            return FunctionRuntime.configurationFailed(environment.get("AWS_LAMBDA_RUNTIME_API"), e);
        }
        if (settings.runtimeApi() == null || settings.runtimeApi().isBlank()) {
            System.err.println("[runway] AWS_LAMBDA_RUNTIME_API is not set: this process must be started by the"
                    + " Lambda platform, the Runtime Interface Emulator, or Runway's local mode.");
            return FunctionRuntime.EXIT_FAILURE;
        }
        try (RuntimeLogging logging = RuntimeLogging.install(logSettings, settings.multiConcurrent())) {
            return new FunctionRuntime(settings, hooks).run();
        }
    }
}
