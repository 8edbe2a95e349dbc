package dev.runway.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.bootstrap.training.AotCacheSupport;
import dev.runway.ric.testing.FakeRuntimeApi;
import dev.runway.ric.testing.Prerequisite;
import dev.runway.ric.testing.RecordedPost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code train} goal's default: the layer zip base-image built, trained in a container with the layer at
 * {@code /opt} and the task root at {@code /var/task}, then the function zip the assembly plugin made after it,
 * extracted and run from those paths in a container at 128 MB with a read-only root, as Lambda runs a zip function
 * on the layer: its handler comes out of the cache the goal trained. No image can be pulled on the build machines, so the container is the local stand-in for the
 * Lambda base image that base-image's container tests build ({@code base-image/src/test/standin}).
 */
class TrainGoalInContainerIT {

    private static final String HANDLER = "com.example.hello.Hello::handleRequest";
    private static final String STANDIN = "localhost/runway-it/train-standin:latest";
    private static final Path LAYER_ZIP = Path.of(System.getProperty("runway.it.layerZip"));

    /** The container engine's command line program: docker when it reaches an engine, else podman. */
    private static String engine;

    @BeforeAll
    static void standInBaseImage() throws Exception {
        engine = answers("docker") ? "docker" : answers("podman") ? "podman" : null;
        Prerequisite.require(engine != null, "CONTAINER TRAINING TEST: neither docker nor podman reaches a container"
                + " engine (run .ci/run, or set DOCKER_HOST)");
        Path standin = Path.of(System.getProperty("runway.it.standinDir"));
        Path context = FunctionBuild.freshDirectory("standin");
        Files.copy(standin.resolve("Dockerfile"), context.resolve("Dockerfile"));
        run(List.of("sh", standin.resolve("make-rootfs.sh").toString(), context.resolve("rootfs.tar").toString()));
        run(List.of(engine, "build", "-q", "-t", STANDIN, context.toString()));
    }

    @Test
    void theLayerZipTrainsTheFunctionAtVarTaskAndTheFunctionZipStartsFromThatCache() throws Exception {
        Path project = FunctionBuild.copyProject("in-container");

        FunctionBuild build = FunctionBuild.maven(project, "-Drunway.train.runtime=" + LAYER_ZIP,
                "-Drunway.train.image=" + STANDIN, "-Drunway.train.containerCommand=" + engine);

        assertThat(build.status()).as(build.output()).isZero();
        assertThat(build.output()).contains("[runway train] event 1 of 1: answered",
                "[runway train] wrote /var/task/runway.aot");
        Path taskRoot = project.resolve("target/function");
        List<String> identity = Files.readAllLines(taskRoot.resolve("runway.aot.id"));
        // Made by the layer's own JRE (the one its runtime cache was made by), for the paths Lambda runs it at.
        Path layer = project.resolve("target/runway-train/layer");
        assertThat(identity.get(0)).isEqualTo(AotCacheSupport.jdkIdentity(layer.resolve("runway/jre")));
        assertThat(identity.get(1)).startsWith("/opt/runway/lib/runway-runtime.jar:")
                .contains("/var/task/lib/hello-function-1.0.jar");

        // The function zip the assembly plugin made after the goal, extracted as Lambda extracts it to /var/task.
        Path extracted = FunctionBuild.freshDirectory("in-container-zip");
        run(List.of("unzip", "-q", project.resolve("target/hello-function-1.0-function.zip").toString(), "-d",
                extracted.toString()));
        assertThat(extracted.resolve("runway.aot")).hasSameBinaryContentAs(taskRoot.resolve("runway.aot"));
        String log = invokeInContainer(layer, extracted);
        assertThat(log).contains("com.example.hello.Hello source: shared objects file")
                .doesNotContain("[runway] Not using", "[warning]", "[error]");
    }

    /** The function as Lambda runs a zip on the layer, against a fake Runtime API on this machine's loopback. */
    private static String invokeInContainer(Path layer, Path taskRoot) throws Exception {
        String name = "runway-it-train-" + ProcessHandle.current().pid();
        try (FakeRuntimeApi api = FakeRuntimeApi.start()) {
            api.enqueue("{\"name\":\"Ada\"}");
            Path log = taskRoot.resolveSibling("container.log");
            Process container = new ProcessBuilder(engine, "run", "--rm", "--name", name, "--network", "host",
                    "--memory", "128m", "--read-only", "-v", layer + ":/opt:ro", "-v", taskRoot + ":/var/task:ro",
                    "-e", "AWS_LAMBDA_RUNTIME_API=" + api.address(), "-e", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE=128",
                    "-e", "RUNWAY_JAVA_OPTIONS=-Xlog:class+load=info", "--entrypoint", "/opt/bootstrap", STANDIN,
                    HANDLER).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                RecordedPost post = api.takePost(Duration.ofMinutes(2));
                assertThat(post).as(() -> FunctionBuild.read(log)).isNotNull();
                assertThat(post.bodyText()).isEqualTo("\"Hello, Ada, on 2026-12-07!\"");
            } finally {
                new ProcessBuilder(engine, "rm", "-f", name).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(1, TimeUnit.MINUTES);
                container.waitFor(1, TimeUnit.MINUTES);
            }
            return FunctionBuild.read(log);
        }
    }

    private static boolean answers(String command) {
        try {
            Process info = new ProcessBuilder(command, "info").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return info.waitFor(30, TimeUnit.SECONDS) && info.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
