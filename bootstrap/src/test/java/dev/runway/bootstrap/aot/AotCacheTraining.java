package dev.runway.bootstrap.aot;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.runway.bootstrap.training.AotCacheSupport;
import dev.runway.bootstrap.training.TrainingRuntimeApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the distribution's AOT cache ({@code lib/runway.aot}, JEP 483/514) at package time: runs the runtime, on
 * the distribution's exact class path and JVM flags, against the training Runtime API of {@code bootstrap --train}
 * (which also answers the bootstrap's Extensions API registration, as Lambda does) serving a sample POJO function
 * a few hundred times, then refuses {@code /next}; the runtime exits and its JVM writes the cache of every class it
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
        List<byte[]> events = new ArrayList<>();
        for (int i = 0; i < INVOCATIONS; i++) {
            events.add(("{\"name\":\"training " + i + "\",\"greeting\":\"Hello\",\"tags\":[\"a\",\"b\"],\"count\":" + i
                    + "}").getBytes(UTF_8));
        }
        try (TrainingRuntimeApi api = new TrainingRuntimeApi(events, handler)) {
            Process runtime = start(lib, cache, function, handler, api.address(), distribution.resolve("aot-training.log"));
            for (int i = 0; i < INVOCATIONS; i++) {
                TrainingRuntimeApi.Outcome outcome = api.outcomes().poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                if (outcome == null || outcome.isError()) {
                    runtime.destroyForcibly();
                    throw new IllegalStateException("training invocation " + i + " failed: "
                            + (outcome == null ? "no answer in " + WAIT : outcome.text()));
                }
            }
            // The events are used up: the runtime's next /next is refused, it exits, and the JVM writes the cache.
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

    static List<String> startFlags(Path cache) throws IOException, InterruptedException {
        List<String> accepted = AotCacheSupport.startFlags(Path.of(System.getProperty("java.home"), "bin", "java"), cache);
        if (accepted.isEmpty()) {
            System.out.println("[aot] this JDK refuses every start flag: none used");
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

    static String jdkIdentity(Path javaHome) throws IOException {
        return AotCacheSupport.jdkIdentity(javaHome);
    }
}
