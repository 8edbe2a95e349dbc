package dev.runway.bootstrap.local;

import dev.runway.bootstrap.local.internal.process.ProcessRuntimeLauncher;
import dev.runway.bootstrap.local.internal.console.ConsoleLog;
import dev.runway.bootstrap.local.internal.watch.TaskRootWatcher;
import dev.runway.ric.RuntimeInterfaceClient;
import java.io.File;
import java.io.IOException;
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
 * bootstrap invoke [-e FILE|-] [options] [handler]       one invocation ({@link InvokeCommand})
 * bootstrap generate-event SOURCE [--name value]...     a sample event ({@link GenerateEventCommand})
 *   --task-root DIR          the function's directory (LAMBDA_TASK_ROOT, the working directory)
 *   --watch [DIR]            a fresh environment when class files or jars under DIR (the task root) change
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
        List<String> list = new ArrayList<>(List.of(args));
        list.removeIf(arg -> arg.equals("--local"));
        String command = list.isEmpty() ? "" : list.get(0);
        if (command.equals("generate-event")) {
            return GenerateEventCommand.run(list.subList(1, list.size()), out, err);
        }
        if (command.equals("invoke")) {
            return InvokeCommand.run(list.subList(1, list.size()), env, System.in, out, err);
        }
        LocalOptions options = options(list, env, err);
        if (options == null) {
            return 2;
        }
        if (options.help()) {
            out.println(LocalOptions.USAGE);
            return 0;
        }
        return serve(options, env, out, err);
    }

    /** @return the options, or {@code null} after saying what is wrong with them */
    static LocalOptions options(List<String> args, Map<String, String> env, PrintStream err) {
        try {
            return LocalOptions.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("[runway local] " + e.getMessage());
            err.println(LocalOptions.USAGE);
            return null;
        }
    }

    private static int serve(LocalOptions options, Map<String, String> env, PrintStream out, PrintStream err) {
        Path taskRoot = options.taskRoot();
        // What is printed goes to the console's log too: START, END, REPORT, the function's lines, the platform's.
        ConsoleLog console = new ConsoleLog();
        PrintStream consoleOut = console.tee(out, "stdout");
        PrintStream consoleErr = console.tee(err, "stderr");
        LocalPlatform platform;
        try {
            platform = builder(options, env, consoleOut, consoleErr).console(console).start();
        } catch (RuntimeException e) {
            err.println("[runway local] " + e.getMessage());
            return 1;
        }
        TaskRootWatcher watcher;
        try {
            watcher = options.watch() == null ? null : TaskRootWatcher.start(options.watch(), changed -> {
                platform.redeploy();
                consoleOut.println("[runway local] " + changed + " changed: a fresh environment, as after a deployment;"
                        + " init runs again on the next invoke.");
                checkHandler(options, consoleErr);
            });
        } catch (java.io.UncheckedIOException e) {
            err.println("[runway local] --watch: " + e.getMessage());
            platform.close();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Ctrl-C or SIGTERM: SHUTDOWN to the extensions, SIGTERM then SIGKILL to the runtime, as Lambda does.
            if (watcher != null) {
                watcher.close();
            }
            platform.close();
            stopped.countDown();
        }, "runway-local-shutdown"));
        consoleOut.println("[runway local] Function " + options.functionName() + " (handler " + options.handler() + ") in "
                + taskRoot + "; the runtime starts on the first invoke.");
        checkHandler(options, consoleErr);
        consoleOut.println("[runway local] Invoke endpoint: " + platform.invokeUri());
        consoleOut.println("[runway local] Local console: " + platform.invokeUri().resolve("/"));
        consoleOut.println("[runway local] Runtime API: " + platform.runtimeApiAddress()
                + (options.extensionsDirectory() != null && Files.isDirectory(options.extensionsDirectory())
                        ? "; extensions from " + options.extensionsDirectory() : ""));
        if (watcher != null) {
            consoleOut.println("[runway local] Watching " + options.watch() + ": a changed class file or jar starts a fresh environment.");
        }
        consoleOut.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The platform's settings from the options, with the runtime as a child process. */
    static LocalPlatform.Builder builder(LocalOptions options, Map<String, String> env, PrintStream out, PrintStream err) {
        Map<String, String> functionEnv = functionEnvironment(env);
        functionEnv.put("LAMBDA_TASK_ROOT", options.taskRoot().toString());
        return LocalPlatform.builder()
                .host(options.host())
                .port(options.port())
                .runtimeApiPort(options.runtimeApiPort())
                .functionName(options.functionName())
                .functionVersion(options.functionVersion())
                .memorySize(options.memoryMb())
                .timeoutSeconds(options.timeoutSeconds())
                .handler(options.handler())
                .taskRoot(options.taskRoot())
                .extensionsDirectory(options.extensionsDirectory())
                .maxConcurrency(options.maxConcurrency())
                .environment(functionEnv)
                .runtime(new ProcessRuntimeLauncher(runtimeCommand(options.handler()), options.taskRoot(), out, err))
                .output(out)
                .errors(err);
    }

    /**
     * Says at once, with the message init would give, when the handler's class is not in the task root: a wrong
     * directory or a function not built yet is the first thing a developer meets.
     *
     * @return whether the class was found
     */
    static boolean checkHandler(LocalOptions options, PrintStream err) {
        if (options.handler() == null || options.handler().isBlank()) {
            err.println("[runway local] No handler: name one (bootstrap com.example.Handler) or set _HANDLER.");
            return false;
        }
        String problem;
        try {
            problem = RuntimeInterfaceClient.missingHandlerClass(options.handler(), options.taskRoot());
        } catch (IOException | RuntimeException e) {
            problem = "cannot read the task root: " + e.getMessage();
        }
        if (problem != null) {
            err.println("[runway local] The function's init will fail: " + problem
                    + ". Build the function into the task root (classes at its top, jars in its lib/), or point"
                    + " --task-root (LAMBDA_TASK_ROOT) at the directory that has them.");
        }
        return problem == null;
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
