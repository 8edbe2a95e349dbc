package dev.runway.ric.conformance;

import dev.runway.ric.testing.Event;
import dev.runway.ric.testing.FakeRuntimeApi;
import dev.runway.ric.testing.RecordedPost;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Runs one handler under a runtime in a child JVM (the official RIC, or Runway) against its own
 * {@link FakeRuntimeApi}, feeds it events and returns what it posted. The function is deployed the way Lambda
 * deploys it: the conformance functions in a jar under {@code <task root>/lib}, with their event library.
 */
final class SideBySide {

    /** The two runtimes compared. */
    enum Runtime { OFFICIAL, RUNWAY }

    private static final String FUNCTIONS_PACKAGE = "dev/runway/ric/conformance/functions/";
    private static final List<String> CLASS_PATH = List.of(System.getProperty("java.class.path").split(File.pathSeparator));

    private final Path taskRoot;

    SideBySide(Path taskRoot) throws IOException {
        this.taskRoot = taskRoot;
        Path lib = Files.createDirectories(taskRoot.resolve("lib"));
        writeFunctionsJar(lib.resolve("functions.jar"));
        for (String entry : entries(name -> name.contains("aws-lambda-java-events") || name.contains("joda-time"))) {
            Files.copy(Path.of(entry), lib.resolve(Path.of(entry).getFileName()));
        }
    }

    /**
     * Runs the handler and posts each event in turn, waiting for its post before sending the next.
     *
     * @return the posts, one per event
     */
    List<RecordedPost> run(Runtime runtime, String handler, List<Event> events) throws Exception {
        try (FakeRuntimeApi api = FakeRuntimeApi.start()) {
            Process process = start(runtime, handler, api.address());
            try {
                List<RecordedPost> posts = new ArrayList<>();
                for (Event event : events) {
                    api.enqueue(event);
                    posts.add(api.takePost(Duration.ofSeconds(60)));
                }
                return posts;
            } finally {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    private Process start(Runtime runtime, String handler, String address) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp"));
        if (runtime == Runtime.OFFICIAL) {
            command.add(String.join(File.pathSeparator, entries(name -> name.contains("aws-lambda-java-runtime-interface-client")
                    || name.contains("aws-lambda-java-serialization") || name.contains("aws-lambda-java-core")
                    || name.contains("utils-lite") || name.contains("/annotations-"))));
            command.add("com.amazonaws.services.lambda.runtime.api.client.AWSLambda");
        } else {
            command.add(String.join(File.pathSeparator, entries(name -> isRunwayClasses(name)
                    || name.contains("aws-lambda-java-core") || name.contains("/jackson-") || name.contains("/slf4j-api"))));
            command.add("dev.runway.ric.RuntimeInterfaceClient");
        }
        command.add(handler);
        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile());
        builder.redirectErrorStream(true).redirectOutput(taskRoot.resolve(runtime + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("AWS_LAMBDA_RUNTIME_API", address);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", "conformance");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/conformance");
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "stream");
        env.put("_HANDLER", handler);
        env.remove("AWS_LAMBDA_MAX_CONCURRENCY");
        return builder.start();
    }

    /** @return what the runtime printed, for failure messages */
    String log(Runtime runtime) throws IOException {
        Path log = taskRoot.resolve(runtime + ".log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** ric-core's classes and runway-api's (the streaming handler types), as directories or jars. */
    private static boolean isRunwayClasses(String entry) {
        String classes = File.separator + "target" + File.separator + "classes";
        return entry.endsWith("ric-core" + classes) || entry.endsWith(File.separator + "api" + classes)
                || entry.endsWith(File.separator + "wire" + classes)
                || entry.matches(".*runway-(ric-core|api|wire)-[^" + File.separator + "]*(?<!-tests)\\.jar");
    }

    private static List<String> entries(Predicate<String> wanted) {
        return CLASS_PATH.stream().filter(wanted).toList();
    }

    private static void writeFunctionsJar(Path jar) throws IOException {
        Path testClasses = CLASS_PATH.stream().map(Path::of)
                .filter(p -> Files.isDirectory(p.resolve(FUNCTIONS_PACKAGE)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("conformance functions not on the class path"));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(testClasses.resolve(FUNCTIONS_PACKAGE))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(testClasses.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }
}
