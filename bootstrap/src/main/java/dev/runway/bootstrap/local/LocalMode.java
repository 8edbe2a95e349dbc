package dev.runway.bootstrap.local;

import dev.runway.bootstrap.local.internal.process.ProcessRuntimeLauncher;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bootstrap --local}: the function served on this machine as Lambda would run it, by an embedded
 * platform, with the runtime in a child process ({@code bootstrap} again, pointed at the embedded Runtime API).
 *
 * <pre>
 * bootstrap [--local] [options] [handler]
 *   --port N                 invoke endpoint port (RUNWAY_LOCAL_PORT, 8080)
 *   --host ADDRESS           address the invoke endpoint binds (RUNWAY_LOCAL_HOST, 127.0.0.1); the Runtime API
 *                            always listens on 127.0.0.1
 *   --runtime-api-port N     Runtime API port (RUNWAY_LOCAL_RUNTIME_API_PORT, any free one)
 *   --extensions DIR         external extensions (RUNWAY_EXTENSIONS_DIR, /opt/extensions)
 *   --no-extensions          start none
 *   --runtime-interface-emulator-address HOST:PORT, --runtime-api-address HOST:PORT   as the RIE takes them
 * </pre>
 * The function's settings come from the environment, as under the RIE: {@code AWS_LAMBDA_FUNCTION_TIMEOUT}
 * (300), {@code AWS_LAMBDA_FUNCTION_NAME} ({@code test_function}), {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}
 * (3008), {@code AWS_LAMBDA_MAX_CONCURRENCY}, {@code _HANDLER}, {@code LAMBDA_TASK_ROOT} (the working directory).
 */
public final class LocalMode {

    /** The system property the bootstrap script sets to its own path: the runtime's command. */
    public static final String BOOTSTRAP_PROPERTY = "runway.bootstrap";

    private LocalMode() {}

    /**
     * Starts the platform and serves until Ctrl-C or SIGTERM, which shut the environment down as Lambda does.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        LocalOptions options;
        try {
            options = LocalOptions.parse(List.of(args), env);
        } catch (IllegalArgumentException e) {
            err.println("[runway local] " + e.getMessage());
            err.println(LocalOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            out.println(LocalOptions.USAGE);
            return 0;
        }
        Path taskRoot = options.taskRoot();
        LocalPlatform platform;
        try {
            platform = LocalPlatform.builder()
                    .host(options.host())
                    .port(options.port())
                    .runtimeApiPort(options.runtimeApiPort())
                    .functionName(options.functionName())
                    .functionVersion(options.functionVersion())
                    .memorySize(options.memoryMb())
                    .timeoutSeconds(options.timeoutSeconds())
                    .handler(options.handler())
                    .taskRoot(taskRoot)
                    .extensionsDirectory(options.extensionsDirectory())
                    .maxConcurrency(options.maxConcurrency())
                    .environment(functionEnvironment(env))
                    .runtime(new ProcessRuntimeLauncher(runtimeCommand(options.handler()), taskRoot, out, err))
                    .output(out)
                    .errors(err)
                    .start();
        } catch (RuntimeException e) {
            err.println("[runway local] " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Ctrl-C or SIGTERM: SHUTDOWN to the extensions, SIGTERM then SIGKILL to the runtime, as Lambda does.
            platform.close();
            stopped.countDown();
        }, "runway-local-shutdown"));
        out.println("[runway local] Function " + options.functionName() + " (handler " + options.handler() + ") in "
                + taskRoot + "; the runtime starts on the first invoke.");
        out.println("[runway local] Invoke endpoint: " + platform.invokeUri());
        out.println("[runway local] Runtime API: " + platform.runtimeApiAddress()
                + (options.extensionsDirectory() != null && Files.isDirectory(options.extensionsDirectory())
                        ? "; extensions from " + options.extensionsDirectory() : ""));
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The host's environment, as the RIE passes it on, less local mode's own switches. */
    static Map<String, String> functionEnvironment(Map<String, String> env) {
        Map<String, String> function = new HashMap<>(env);
        function.keySet().removeIf(key -> key.equals("RUNWAY_LOCAL") || key.startsWith("RUNWAY_LOCAL_")
                || key.equals("RUNWAY_EXTENSIONS_DIR") || key.equals("AWS_LAMBDA_RUNTIME_API"));
        return function;
    }

    /**
     * The runtime's command: the {@code bootstrap} that started this JVM, or, when there is none (started from
     * an IDE), this JVM's java with the class path less local mode's jar.
     */
    static List<String> runtimeCommand(String handler) {
        List<String> command = new ArrayList<>();
        String bootstrap = System.getProperty(BOOTSTRAP_PROPERTY);
        if (bootstrap != null && !bootstrap.isBlank()) {
            command.add(bootstrap);
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            String classPath = String.join(File.pathSeparator, List.of(System.getProperty("java.class.path")
                    .split(File.pathSeparator)).stream().filter(entry -> !entry.endsWith("runway-local.jar")).toList());
            command.addAll(List.of("-cp", classPath, "dev.runway.bootstrap.Main"));
        }
        if (handler != null && !handler.isBlank()) {
            command.add(handler);
        }
        return command;
    }
}
