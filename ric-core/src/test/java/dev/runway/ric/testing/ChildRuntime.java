package dev.runway.ric.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A runtime in a child JVM (Runway's {@code RuntimeInterfaceClient}, or the official RIC as an oracle) with this
 * test's class path, against a {@link FakeRuntimeApi}, optionally with a {@link TelemetryFrames} pipe as its
 * descriptor 3. Its standard output and error go to files. Closing kills it.
 */
public final class ChildRuntime implements AutoCloseable {

    /** Which runtime runs. */
    public enum Kind { RUNWAY, OFFICIAL }

    private static final List<String> CLASS_PATH = List.of(System.getProperty("java.class.path").split(File.pathSeparator));

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildRuntime(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts the runtime.
     *
     * @param kind which runtime
     * @param api the platform
     * @param frames the descriptor 3 pipe, or {@code null} for none
     * @param workDir the task root and working directory, where the output files go too
     * @param handler the handler string
     * @param env more variables
     * @param jvmFlags more JVM flags
     */
    public static ChildRuntime start(Kind kind, FakeRuntimeApi api, TelemetryFrames frames, Path workDir, String handler,
            Map<String, String> env, List<String> jvmFlags) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        if (frames != null) {
            command.addAll(List.of("sh", "-c", frames.shellRedirect()));
        }
        command.addAll(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        command.addAll(jvmFlags);
        command.add("-cp");
        if (kind == Kind.OFFICIAL) {
            command.add(classPath(name -> name.contains("aws-lambda-java-runtime-interface-client")
                    || name.contains("aws-lambda-java-serialization") || name.contains("aws-lambda-java-core")
                    || name.contains("utils-lite") || name.contains("/annotations-") || isTestClasses(name)));
            command.add("com.amazonaws.services.lambda.runtime.api.client.AWSLambda");
        } else {
            command.add(classPath(name -> !name.contains("aws-lambda-java-runtime-interface-client")
                    && !name.contains("aws-lambda-java-serialization")));
            command.add("dev.runway.ric.RuntimeInterfaceClient");
        }
        command.add(handler);
        Path out = workDir.resolve(kind + ".out");
        Path err = workDir.resolve(kind + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("AWS_") || key.startsWith("_LAMBDA") || key.startsWith("RUNWAY_")
                || key.equals("JAVA_TOOL_OPTIONS") || key.equals("_HANDLER"));
        Map<String, String> defaults = new HashMap<>();
        defaults.put("AWS_LAMBDA_RUNTIME_API", api.address());
        defaults.put("LAMBDA_TASK_ROOT", workDir.toString());
        defaults.put("AWS_LAMBDA_FUNCTION_NAME", "logging");
        defaults.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        defaults.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256");
        if (frames != null) {
            defaults.put("_LAMBDA_TELEMETRY_LOG_FD", "3");
        }
        environment.putAll(defaults);
        environment.putAll(env);
        return new ChildRuntime(builder.start(), out, err);
    }

    /** @return everything the process wrote to standard output so far */
    public String stdout() throws IOException {
        return Files.exists(stdout) ? Files.readString(stdout) : "";
    }

    /** @return everything the process wrote to standard error so far */
    public String stderr() throws IOException {
        return Files.exists(stderr) ? Files.readString(stderr) : "";
    }

    /** @return stdout and stderr, for failure messages */
    public String output() {
        try {
            return "--- stdout ---\n" + stdout() + "--- stderr ---\n" + stderr();
        } catch (IOException e) {
            return e.toString();
        }
    }

    /**
     * @param timeout a bound on a hung test
     * @return the exit status
     */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the runtime still runs after " + timeout + "\n" + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private static boolean isTestClasses(String entry) {
        return entry.endsWith("test-classes") || entry.endsWith("-tests.jar");
    }

    private static String classPath(Predicate<String> wanted) {
        return String.join(File.pathSeparator, CLASS_PATH.stream().filter(wanted).toList());
    }
}
