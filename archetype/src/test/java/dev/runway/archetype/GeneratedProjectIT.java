package dev.runway.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project the archetype generated and built (archetype:integration-test ran its {@code mvn verify}: the handler's
 * runway-junit tests and the function zip) as a user goes on with it: the zip has Lambda's layout and runs under
 * Runway's local mode (the real bootstrap, a real invoke over HTTP), the CDK stack compiles against aws-cdk-lib from
 * Maven Central, and the SAM template and Dockerfile name the layer and the image of this Runway version.
 */
class GeneratedProjectIT {

    /** A bound on every wait, never a measure of speed. */
    private static final Duration WAIT = Duration.ofSeconds(120);

    private static final Path PROJECT = Path.of(System.getProperty("runway.it.project"));
    private static final String VERSION = "1.0.0-SNAPSHOT";
    private static final String HANDLER = "com.example.hello.Handler";

    @Test
    void theBuildRanTheHandlersTestsAndMadeALambdaLayoutZip() throws IOException {
        Path reports = PROJECT.resolve("target/surefire-reports/TEST-com.example.hello.HandlerTest.xml");
        assertThat(Files.readString(reports)).contains("tests=\"2\"", "failures=\"0\"", "errors=\"0\"", "skipped=\"0\"");

        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(zipFile().toFile())) {
            zip.stream().map(ZipEntry::getName).forEach(names::add);
        }
        assertThat(names).contains("lib/hello-function-" + VERSION + ".jar")
                .noneMatch(name -> name.contains("runway-junit") || name.contains("aws-lambda-java-core")
                        || name.contains("junit-jupiter"));
    }

    @Test
    void theZipAnswersAnInvokeUnderRunwaysLocalMode(@TempDir Path taskRoot) throws Exception {
        unzip(zipFile(), taskRoot);
        Path bootstrap = Path.of(System.getProperty("runway.it.distribution"), "bootstrap");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(bootstrap.toString(), "--port", Integer.toString(port),
                "--no-extensions", HANDLER).directory(taskRoot.toFile()).redirectErrorStream(true)
                .redirectOutput(taskRoot.resolve("local-mode.log").toFile());
        builder.environment().remove("AWS_LAMBDA_RUNTIME_API");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("LAMBDA_TASK_ROOT", taskRoot.toString());
        Process process = builder.start();
        try {
            URI invocations = URI.create("http://127.0.0.1:" + port + "/2015-03-31/functions/function/invocations");
            // Local mode says where it listens once it does: only then is the port surely its own.
            awaitLog(taskRoot, "Invoke endpoint: " + invocations, process);
            HttpResponse<String> response = invokeWhenListening(invocations, "{\"name\":\"Ada\"}", process);
            assertThat(response.statusCode()).as(response.body() + "\n" + log(taskRoot)).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"message\":\"Hello, Ada!\"}");

            HttpResponse<String> error = invokeWhenListening(invocations, "{}", process);
            assertThat(error.headers().firstValue("X-Amz-Function-Error")).hasValue("Unhandled");
            assertThat(error.body()).contains("\"errorType\":\"java.lang.IllegalArgumentException\"");
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void theCdkStackCompiles() throws Exception {
        Path maven = Path.of(System.getProperty("runway.it.mavenHome"), "bin", "mvn");
        Path log = PROJECT.resolve("target/cdk-build.log");
        Process build = new ProcessBuilder(maven.toString(), "-B", "-f", PROJECT.resolve("cdk/pom.xml").toString(),
                "compile").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(build.waitFor(WAIT.toSeconds() * 5, TimeUnit.SECONDS)).as("mvn compile of cdk/ ended").isTrue();
        assertThat(build.exitValue()).as(Files.readString(log)).isZero();
        assertThat(PROJECT.resolve("cdk/target/classes/com/example/hello/FunctionStack.class")).exists();
    }

    @Test
    void samTemplateAndDockerfileUseTheLayerAndTheImageOfThisRunway() throws IOException {
        String runwayVersion = System.getProperty("runway.it.runwayVersion");
        assertThat(Files.readString(PROJECT.resolve("template.yaml"))).contains("Runtime: provided.al2023",
                "Handler: " + HANDLER, "CodeUri: target/hello-function-" + VERSION + "-function.zip",
                "- !Ref RunwayLayerArn", "layer:runway-java25:");
        assertThat(Files.readString(PROJECT.resolve("Dockerfile")))
                .contains("FROM ghcr.io/runway-java/runway-java:" + runwayVersion + "-25-al2023",
                        "CMD [\"" + HANDLER + "\"]");
        assertThat(Files.readString(PROJECT.resolve("pom.xml")))
                .contains("<runway.version>" + runwayVersion + "</runway.version>");
    }

    private static Path zipFile() {
        return PROJECT.resolve("target/hello-function-" + VERSION + "-function.zip");
    }

    private static HttpResponse<String> invokeWhenListening(URI uri, String event, Process process)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(WAIT).POST(HttpRequest.BodyPublishers.ofString(event))
                .build();
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException notYet) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new AssertionError("local mode never listened (exit: "
                            + (process.isAlive() ? "still running" : process.exitValue()) + ")", notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    private static void awaitLog(Path taskRoot, String line, Process process) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!log(taskRoot).contains(line)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("local mode never said \"" + line + "\":\n" + log(taskRoot));
            }
            Thread.sleep(100);
        }
    }

    private static void unzip(Path zipFile, Path into) throws IOException {
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            for (ZipEntry entry : zip.stream().toList()) {
                Path target = into.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(into)).as(entry.getName()).isTrue();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
    }

    private static String log(Path taskRoot) {
        try {
            return Files.readString(taskRoot.resolve("local-mode.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
