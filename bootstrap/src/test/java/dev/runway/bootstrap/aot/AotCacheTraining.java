package dev.runway.bootstrap.aot;

import dev.runway.ric.testing.FakeRuntimeApi;
import dev.runway.ric.testing.RecordedPost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the distribution's AOT cache ({@code lib/runway.aot}, JEP 483/514) at package time: runs the runtime, on
 * the distribution's exact class path and JVM flags, against a fake Runtime API serving a sample POJO function a
 * few hundred times, then refuses {@code /next}; the runtime exits and its JVM writes the cache of every class it
 * loaded and linked from the JDK and the runtime jars (the function's own classes are never cached: they come
 * from its own class loader). The {@code bootstrap} script uses the cache only with the JDK it was made by, whose
 * identity is written beside it in {@code lib/runway.aot.jdk}.
 *
 * <p>Usage: {@code AotCacheTraining <distribution dir> <function task root> <handler>}. Without a JDK of 25 or
 * newer it does nothing: the distribution then starts with class-data sharing only.
 */
public final class AotCacheTraining {

    private static final int INVOCATIONS = 300;
    private static final Duration WAIT = Duration.ofMinutes(2);

    private AotCacheTraining() {}

    public static void main(String[] args) throws Exception {
        Path distribution = Path.of(args[0]).toAbsolutePath();
        Path function = Path.of(args[1]).toAbsolutePath();
        String handler = args[2];
        Path lib = distribution.resolve("lib");
        Path cache = lib.resolve("runway.aot");
        Files.deleteIfExists(cache);
        Files.deleteIfExists(lib.resolve("runway.aot.jdk"));
        Files.deleteIfExists(lib.resolve("runway.aot.flags"));
        if (Runtime.version().feature() < 25) {
            System.out.println("[aot] JDK " + Runtime.version() + " cannot make an AOT cache (JDK 25+): none built.");
            return;
        }
        try (FakeRuntimeApi api = FakeRuntimeApi.start()) {
            Process runtime = start(lib, cache, function, handler, api.address(), distribution.resolve("aot-training.log"));
            for (int i = 0; i < INVOCATIONS; i++) {
                api.enqueue("{\"name\":\"training " + i + "\",\"greeting\":\"Hello\",\"tags\":[\"a\",\"b\"],\"count\":" + i + "}");
                RecordedPost post = api.takePost(WAIT);
                if (post.kind() != RecordedPost.Kind.RESPONSE) {
                    throw new IllegalStateException("training invocation failed: " + post.bodyText());
                }
            }
            api.close(); // the runtime's next /next is refused: it exits, and the JVM writes the cache
            if (!runtime.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                runtime.destroyForcibly();
                throw new IllegalStateException("the training runtime did not exit");
            }
        }
        if (!Files.isRegularFile(cache)) {
            throw new IllegalStateException("the training run wrote no AOT cache; see " + distribution.resolve("aot-training.log"));
        }
        Files.writeString(lib.resolve("runway.aot.jdk"), jdkIdentity(Path.of(System.getProperty("java.home"))) + "\n");
        Files.writeString(lib.resolve("runway.aot.flags"), String.join(" ", startFlags(cache)) + "\n");
        Files.deleteIfExists(distribution.resolve("aot-training.log"));
        System.out.println("[aot] " + cache + ": " + Files.size(cache) / (1024 * 1024) + " MiB, for " + jdkIdentity(
                Path.of(System.getProperty("java.home"))));
    }

    /**
     * The flags {@code bootstrap} adds next to this cache ({@code lib/runway.aot.flags}), each kept only if this
     * JDK accepts it, since an unknown flag stops a JVM from starting:
     * <ul>
     *   <li>JDK 25 prints two warnings at every start when two cached adapters' fingerprints collide
     *       (JDK-8364929), on standard output, so in the function's log: only errors of those tags are shown;
     *   <li>the training data is not replayed: replaying compiles, during the function's init, the methods that
     *       were hot in training, which cost a POJO cold start about 15 ms of CPU and 3 MB, for nothing.
     * </ul>
     */
    static List<String> startFlags(Path cache) throws IOException, InterruptedException {
        List<List<String>> candidates = List.of(List.of("-Xlog:aot=error,aot+codecache+stubs=error"),
                List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining"));
        List<String> accepted = new ArrayList<>();
        for (List<String> flags : candidates) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-XX:AOTCache=" + cache);
            command.addAll(flags);
            command.add("-version");
            Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (probe.waitFor() == 0 && !output.contains("Unrecognized") && !output.contains("Invalid")) {
                accepted.addAll(flags);
            } else {
                System.out.println("[aot] this JDK refuses " + flags + ": not used");
            }
        }
        return accepted;
    }

    private static Process start(Path lib, Path cache, Path function, String handler, String runtimeApi, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:AOTCacheOutput=" + cache);
        // The flags and class path of the bootstrap script, minus -Xshare (which excludes an AOT cache).
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "--add-opens=java.base/java.io=ALL-UNNAMED", "-XX:+ErrorFileToStderr"));
        command.add("-cp");
        command.add(lib.resolve("runway-runtime.jar") + ":" + lib.resolve("aws-lambda-java-core.jar") + ":"
                + lib.resolve("jackson-annotations.jar"));
        command.add("dev.runway.bootstrap.Main");
        command.add(handler);
        ProcessBuilder builder = new ProcessBuilder(command).directory(function.toFile());
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        builder.environment().put("LAMBDA_TASK_ROOT", function.toString());
        builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "aot-training");
        builder.environment().remove("AWS_LAMBDA_MAX_CONCURRENCY");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        return builder.start();
    }

    /**
     * The lines of the JDK's {@code release} file that tell one runtime image from another: its exact version and
     * its modules. The {@code bootstrap} script compares them with the java it found.
     */
    static String jdkIdentity(Path javaHome) throws IOException {
        StringBuilder identity = new StringBuilder();
        for (String line : Files.readAllLines(javaHome.resolve("release"))) {
            if (line.startsWith("JAVA_RUNTIME_VERSION=") || line.startsWith("MODULES=")) {
                identity.append(identity.isEmpty() ? "" : "|").append(line);
            }
        }
        return identity.toString();
    }
}
