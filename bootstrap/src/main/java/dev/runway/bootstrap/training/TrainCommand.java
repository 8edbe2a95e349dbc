package dev.runway.bootstrap.training;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code bootstrap --train [--event FILE]... [HANDLER]}: trains an AOT cache (JDK 25, JEP 483/514/515: classes
 * loaded and linked ahead of time, and method profiles) on the function in the current task root, and writes it
 * there as {@value #CACHE}, with {@value #IDENTITY} beside it. The {@code bootstrap} script then starts the
 * function with that cache, without any flag, when it was made by the same Java runtime for the same class path.
 *
 * <p>The function runs as it will on Lambda: {@code bootstrap HANDLER} (this very script, with the JVM flags it
 * always gives) in a child process, against a Runtime API on loopback that serves the events one by one
 * (default: one {@code {}}), then ends the loop; the child's JVM writes the cache as it exits.
 *
 * <p>What the cache can hold: the JVM caches classes of its built-in loaders only. So the function's jars
 * ({@code lib/*.jar} of the task root, then {@code /opt/java/lib/*.jar}) are put on the JVM's class path after the
 * runtime's, where the function's class loader finds them first (it asks its parent first). A task root with class
 * files outside {@code lib/} keeps everything with the function's class loader, as without training, since a
 * class in a jar may need one of those; the cache then holds the JDK's and the runtime's classes as this function
 * uses them.
 */
public final class TrainCommand {

    /** The trained cache's file name in the task root. */
    public static final String CACHE = "runway.aot";

    /**
     * Beside the cache: the identity of the Java runtime that made it, the JVM class path it was made for, and the
     * flags that go with it, one per line, as {@code bootstrap} compares and uses them.
     */
    public static final String IDENTITY = "runway.aot.id";

    /** The environment variables through which this command tells the child's {@code bootstrap} to record. */
    static final String OUTPUT_VARIABLE = "RUNWAY_AOT_TRAINING_OUTPUT";

    static final String CLASS_PATH_VARIABLE = "RUNWAY_AOT_TRAINING_CLASSPATH";

    static final String USAGE = """
            Usage: bootstrap --train [--event FILE]... [HANDLER]
              Trains an AOT cache on the function in the task root (LAMBDA_TASK_ROOT, else the working directory):
              runs its init and each event (default: one {}) through the runtime, then writes runway.aot and
              runway.aot.id there. Run it with the same bootstrap and Java runtime the function will run on.
              HANDLER defaults to _HANDLER.""";

    private static final long TIMEOUT_SECONDS = 600;

    private TrainCommand() {}

    /**
     * Runs the training and exits with its status.
     *
     * @param args the arguments after {@code --train}
     */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        List<Path> eventFiles = new ArrayList<>();
        String handler = env.get("_HANDLER");
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE);
                return 0;
            } else if (arg.equals("--event") && i + 1 < args.size()) {
                eventFiles.add(Path.of(args.get(++i)));
            } else if (arg.startsWith("--event=")) {
                eventFiles.add(Path.of(arg.substring("--event=".length())));
            } else if (arg.startsWith("-")) {
                err.println("[runway train] unknown option " + arg);
                err.println(USAGE);
                return 2;
            } else {
                handler = arg;
            }
        }
        if (handler == null || handler.isBlank()) {
            err.println("[runway train] no handler: give it as the last argument, or set _HANDLER");
            err.println(USAGE);
            return 2;
        }
        if (Runtime.version().feature() < 25) {
            err.println("[runway train] Java " + Runtime.version() + " cannot make an AOT cache (Java 25 or newer):"
                    + " nothing written");
            return 1;
        }
        String bootstrap = System.getProperty("runway.bootstrap");
        if (bootstrap == null || bootstrap.isBlank()) {
            err.println("[runway train] start it through the bootstrap script: bootstrap --train HANDLER");
            return 2;
        }
        try {
            List<byte[]> events = new ArrayList<>();
            for (Path file : eventFiles) {
                events.add(Files.readAllBytes(file));
            }
            if (events.isEmpty()) {
                events.add("{}".getBytes(StandardCharsets.UTF_8));
            }
            String root = env.get("LAMBDA_TASK_ROOT");
            Path taskRoot = Path.of(root == null || root.isBlank() ? System.getProperty("user.dir") : root)
                    .toAbsolutePath().normalize();
            return train(taskRoot, handler, events, bootstrap, env, out, err);
        } catch (IOException | UncheckedIOException e) {
            err.println("[runway train] " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static int train(Path taskRoot, String handler, List<byte[]> events, String bootstrap,
            Map<String, String> env, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        Path cache = taskRoot.resolve(CACHE);
        Path identity = taskRoot.resolve(IDENTITY);
        Files.deleteIfExists(identity);
        Files.deleteIfExists(cache);
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path java = javaHome.resolve("bin").resolve("java");
        String classPath = classPath(System.getProperty("java.class.path"), taskRoot, out);

        try (TrainingRuntimeApi api = new TrainingRuntimeApi(events, handler)) {
            Process runtime = start(bootstrap, handler, taskRoot, java, cache, classPath, api.address(), env);
            for (int i = 1; i <= events.size(); i++) {
                TrainingRuntimeApi.Outcome outcome = null;
                while (outcome == null) {
                    outcome = api.outcomes().poll(200, TimeUnit.MILLISECONDS);
                    if (outcome == null && !runtime.isAlive()) {
                        err.println("[runway train] the function's runtime exited (status " + runtime.exitValue()
                                + ") before answering event " + i + ": no cache written");
                        return 1;
                    }
                }
                if (outcome.isInitError()) {
                    err.println("[runway train] the function's init failed: " + outcome.text());
                    runtime.destroyForcibly().waitFor();
                    return 1;
                }
                out.println("[runway train] event " + i + " of " + events.size() + ": "
                        + (outcome.isError() ? "function error " + outcome.text() : "answered"));
            }
            if (!runtime.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                runtime.destroyForcibly().waitFor();
                err.println("[runway train] the function's runtime did not exit after training: no cache written");
                return 1;
            }
        }
        if (!Files.isRegularFile(cache)) {
            err.println("[runway train] the JVM wrote no AOT cache (its messages are above): nothing written");
            return 1;
        }
        List<String> flags = AotCacheSupport.startFlags(java, cache);
        Files.writeString(identity, AotCacheSupport.jdkIdentity(javaHome) + "\n" + classPath + "\n"
                + String.join(" ", flags) + "\n");
        out.println("[runway train] wrote " + cache + " (" + (Files.size(cache) + (1 << 19)) / (1 << 20) + " MiB)"
                + " and " + identity + ", for Java " + Runtime.version() + " in " + javaHome);
        return 0;
    }

    /**
     * The JVM class path of the trained runtime: the runtime's own, then the function's jars when it has no class
     * files outside {@code lib/}.
     */
    static String classPath(String runtimeClassPath, Path taskRoot, PrintStream out) throws IOException {
        if (hasLooseClasses(taskRoot)) {
            out.println("[runway train] " + taskRoot + " has class files outside lib/: the function's classes stay"
                    + " with its own class loader and are not in the cache (put them in a jar in lib/ to cache them)");
            return runtimeClassPath;
        }
        StringBuilder classPath = new StringBuilder(runtimeClassPath);
        for (Path jar : jars(taskRoot.resolve("lib"))) {
            classPath.append(File.pathSeparator).append(jar);
        }
        for (Path jar : jars(Path.of("/opt/java/lib"))) {
            classPath.append(File.pathSeparator).append(jar);
        }
        return classPath.toString();
    }

    private static boolean hasLooseClasses(Path taskRoot) throws IOException {
        Path lib = taskRoot.resolve("lib");
        try (Stream<Path> files = Files.walk(taskRoot)) {
            return files.anyMatch(file -> !file.startsWith(lib) && file.getFileName().toString().endsWith(".class"));
        }
    }

    /** The {@code .jar} files of a directory in plain {@link String} order, as the function's class loader has them. */
    private static List<Path> jars(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar") && Files.isRegularFile(file))
                    .map(file -> file.toAbsolutePath().normalize())
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        }
    }

    private static Process start(String bootstrap, String handler, Path taskRoot, Path java, Path cache,
            String classPath, String runtimeApi, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(bootstrap, handler).directory(taskRoot.toFile()).inheritIO();
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(childEnvironment(env));
        environment.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        environment.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        environment.put("_HANDLER", handler);
        environment.put("RUNWAY_JAVA", java.toString());
        environment.put(OUTPUT_VARIABLE, cache.toString());
        environment.put(CLASS_PATH_VARIABLE, classPath);
        return builder.start();
    }

    /**
     * The function's environment for the training run: this one, less what would make the run differ from the
     * function's (local mode, an exec wrapper, several loops), with Lambda's defaults where unset.
     */
    static Map<String, String> childEnvironment(Map<String, String> env) {
        Map<String, String> child = new HashMap<>(env);
        child.keySet().removeIf(key -> key.equals("RUNWAY_LOCAL") || key.startsWith("RUNWAY_LOCAL_")
                || key.equals("AWS_LAMBDA_EXEC_WRAPPER") || key.equals("AWS_LAMBDA_MAX_CONCURRENCY")
                || key.equals("RUNWAY_JAVA_OPTIONS"));
        child.putIfAbsent("AWS_LAMBDA_FUNCTION_NAME", "runway-training");
        child.putIfAbsent("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        child.putIfAbsent("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        return child;
    }
}
