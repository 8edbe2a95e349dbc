package dev.runway.image;

import dev.runway.ric.testing.FakeRuntimeApi;
import dev.runway.ric.testing.RecordedPost;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold start of the layer as shipped, side by side with the official RIC on the same JRE (never run by the build;
 * {@code docs/performance.md}, "Shipping: layer and image", has the command and the figures).
 *
 * <p>One start: a fresh fake Runtime API with one event queued, the client spawned, the clock stopped when its
 * response arrives; the process is then killed. Clients: {@code layer} (the extracted layer's {@code /opt/bootstrap},
 * with its AOT cache), {@code layer-noaot} (the same, {@code -XX:AOTMode=off}: what a lost cache costs),
 * {@code official} ({@code com.amazonaws:aws-lambda-java-runtime-interface-client}, AWS's documented command line,
 * with the bootstrap's JVM flags, on the layer's JRE) and {@code official-jdk} (the same on a full JDK, with its
 * default CDS archive). Starts alternate between clients, so a busy machine hurts all alike.
 *
 * <p>Usage: {@code ColdStartBench <layer zip> <function zip> <official RIC jars dir> <full JDK home> <starts>}.
 */
public final class ColdStartBench {

    private static final String HANDLER = "dev.runway.samples.hello.HelloHandler::handleRequest";
    private static final List<String> FLAGS = List.of("-XX:MaxHeapSize=445645k", "-XX:+UseSerialGC",
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
            "--add-opens=java.base/java.io=ALL-UNNAMED");

    private ColdStartBench() {}

    /**
     * Runs the benchmark and prints a Markdown table.
     *
     * @param args see the class comment
     * @throws Exception on any failure: a failed start fails the run
     */
    public static void main(String[] args) throws Exception {
        Path tmp = Files.createTempDirectory("runway-coldstart");
        Path opt = tmp.resolve("opt");
        Path task = tmp.resolve("task");
        unzip(Path.of(args[0]), opt);
        unzip(Path.of(args[1]), task);
        Path official = Path.of(args[2]).toAbsolutePath();
        Path jdk = Path.of(args[3]).toAbsolutePath();
        int starts = Integer.parseInt(args[4]);
        String jre = opt.resolve("runway/jre/bin/java").toString();
        Map<String, List<String>> clients = new java.util.LinkedHashMap<>();
        clients.put("layer", List.of(opt.resolve("bootstrap").toString(), HANDLER));
        clients.put("layer-noaot", List.of(opt.resolve("bootstrap").toString(), HANDLER));
        clients.put("official", officialCommand(jre, official));
        clients.put("official-jdk", officialCommand(jdk.resolve("bin/java").toString(), official));
        Map<String, List<Double>> times = new java.util.LinkedHashMap<>();
        clients.keySet().forEach(name -> times.put(name, new ArrayList<>()));
        for (int i = -1; i < starts; i++) { // start -1 warms the page cache and is not counted
            for (var client : clients.entrySet()) {
                double ms = once(client.getKey(), client.getValue(), task);
                if (i >= 0) {
                    times.get(client.getKey()).add(ms);
                }
            }
        }
        System.out.println("| client | median ms | min | max | starts |");
        System.out.println("|---|---|---|---|---|");
        for (var entry : times.entrySet()) {
            double[] sorted = entry.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("| %s | %.1f | %.1f | %.1f | %d |%n", entry.getKey(), sorted[sorted.length / 2],
                    sorted[0], sorted[sorted.length - 1], sorted.length);
        }
        System.out.println("layer zip " + Files.size(Path.of(args[0])) + " bytes; starts alternate; one event each");
    }

    /** As LayerIT's, without AssertJ, so that the benchmark runs on the test classes alone. */
    private static void unzip(Path zip, Path into) throws Exception {
        Files.createDirectories(into);
        Process unzip = new ProcessBuilder("unzip", "-q", "-o", zip.toString(), "-d", into.toString()).inheritIO().start();
        if (!unzip.waitFor(120, TimeUnit.SECONDS) || unzip.exitValue() != 0) {
            throw new IllegalStateException("unzip " + zip + " failed");
        }
    }

    private static List<String> officialCommand(String java, Path official) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(FLAGS);
        command.addAll(Arrays.asList("-cp", official + File.separator + "*",
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", HANDLER));
        return command;
    }

    private static double once(String name, List<String> command, Path task) throws Exception {
        try (FakeRuntimeApi api = FakeRuntimeApi.start()) {
            api.enqueue("{\"name\":\"bench\"}");
            ProcessBuilder builder = new ProcessBuilder(command).directory(task.toFile())
                    .redirectErrorStream(true).redirectOutput(task.resolveSibling(name + ".log").toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(key -> key.startsWith("AWS_") || key.startsWith("RUNWAY_")
                    || key.equals("JAVA_TOOL_OPTIONS"));
            env.put("AWS_LAMBDA_RUNTIME_API", api.address());
            env.put("LAMBDA_TASK_ROOT", task.toString());
            env.put("_HANDLER", HANDLER);
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
            if (name.equals("layer-noaot")) {
                env.put("RUNWAY_JAVA_OPTIONS", "-XX:AOTMode=off");
            }
            long start = System.nanoTime();
            Process process = builder.start();
            try {
                RecordedPost post;
                try {
                    post = api.takePost(Duration.ofSeconds(60));
                } catch (AssertionError e) {
                    throw new IllegalStateException(name + ": no response; log " + task.resolveSibling(name + ".log"), e);
                }
                long end = System.nanoTime();
                if (post == null || post.kind() != RecordedPost.Kind.RESPONSE) {
                    throw new IllegalStateException(name + ": no response: " + post);
                }
                return (end - start) / 1e6;
            } finally {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
