package dev.runway.image;

import dev.runway.ric.testing.Prerequisite;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The base image and the layer in containers, through whatever Docker API Testcontainers finds (Docker, or Podman
 * serving it: {@code .ci/run} sets that up). With no Docker API every test here is skipped, loudly; under CI
 * ({@code CI=true}) it fails them, and so does a stand-in without an RIE ({@link Prerequisite}).
 *
 * <p>The base image is {@code -Drunway.it.baseImage} when given (on a machine that can pull:
 * {@code public.ecr.aws/lambda/provided:al2023}, whose RIE then serves), else a local stand-in built FROM scratch
 * ({@code src/test/standin}), with the RIE inside when {@code RUNWAY_RIE} names one. Without an RIE the stand-in's
 * entry point falls back to Runway's local mode: every test reports which one served, in its output and in
 * {@code target/it/containers.txt}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerIT {

    private static final String HANDLER = "dev.runway.samples.hello.HelloHandler::handleRequest";
    private static final String INVOKE = "/2015-03-31/functions/function/invocations";
    private static final Duration READY = Duration.ofSeconds(90);

    private static final Path LAYER_DIR = Path.of(System.getProperty("runway.layer.dir"));
    private static final Path LAYER_ZIP = Path.of(System.getProperty("runway.layer.zip"));
    private static final Path FUNCTION = Path.of(System.getProperty("runway.it.function"));
    private static final Path FUNCTION_ZIP = Path.of(System.getProperty("runway.it.functionZip"));
    private static final Path DOCKER = Path.of(System.getProperty("runway.it.dockerDir"));
    private static final Path STANDIN = Path.of(System.getProperty("runway.it.standinDir"));
    private static final Path WORK = Path.of(System.getProperty("runway.it.work"));
    private static final Path TEST_CLASSES = Path.of(System.getProperty("runway.it.testClasses"));
    private static final String RIE = property("runway.it.rie");
    private static final String GIVEN_BASE = property("runway.it.baseImage");

    private static String baseImage;
    private static String runwayImage;
    /** True when the base image runs the RIE (the real AWS image, or the stand-in with an RIE inside). */
    private static boolean withRie;

    @BeforeAll
    static void images() throws Exception {
        Files.createDirectories(WORK);
        Files.deleteIfExists(WORK.resolve("containers.txt"));
        boolean docker = DockerClientFactory.instance().isDockerAvailable();
        if (!docker) {
            report("CONTAINER TESTS SKIPPED: no Docker API");
        }
        Prerequisite.require(docker, "CONTAINER TESTS: no Docker API (no Docker engine, and no Podman serving one:"
                + " run .ci/run, or set DOCKER_HOST)");
        Files.createDirectories(WORK);
        if (GIVEN_BASE.isEmpty()) {
            withRie = !RIE.isEmpty() && Files.isExecutable(Path.of(RIE));
            // Local mode standing in for the RIE proves the image's layout, not that the RIE runs Runway: not CI's.
            Prerequisite.require(withRie || !Prerequisite.underCi(), "CONTAINER TESTS: RUNWAY_RIE names no RIE"
                    + " executable to put in the stand-in base image (" + RIE + ")");
            Path context = fresh("standin");
            Files.copy(STANDIN.resolve("Dockerfile"), context.resolve("Dockerfile"));
            run(WORK, "sh", STANDIN.resolve("make-rootfs.sh").toString(), context.resolve("rootfs.tar").toString(), RIE);
            baseImage = "localhost/runway-it/standin:latest";
            build(baseImage, context, Map.of());
        } else {
            baseImage = GIVEN_BASE;
            withRie = true;
        }
        // The shipped Dockerfile, unchanged, on the distribution as ./mvnw package left it.
        runwayImage = "localhost/runway-it/runway:latest";
        Path context = fresh("runway");
        Files.copy(DOCKER.resolve("Dockerfile"), context.resolve("Dockerfile"));
        copyTree(LAYER_DIR.resolve("runway"), context.resolve("runway"));
        build(runwayImage, context, Map.of("BASE_IMAGE", baseImage));
        report("base image " + baseImage + (GIVEN_BASE.isEmpty() && withRie ? " (RIE inside: " + RIE + ", version "
                + rieVersion(Path.of(RIE)) + ")" : withRie ? " (its own RIE)" : " (NO RIE: Runway's local mode serves)"));
    }

    @Test
    @Order(1)
    void hello_image_128_MB_read_only_root_invoked_over_http() throws Exception {
        Path context = fresh("hello");
        copyTree(FUNCTION.resolve("lib"), context.resolve("lib"));
        // The user's Dockerfile, as the README shows it, with its training step.
        Files.writeString(context.resolve("Dockerfile"), """
                FROM %s
                COPY lib/ ${LAMBDA_TASK_ROOT}/lib/
                RUN ["/var/runtime/bootstrap", "--train", "%s"]
                CMD ["%s"]
                """.formatted(runwayImage, HANDLER, HANDLER));
        String image = "localhost/runway-it/hello:latest";
        build(image, context, Map.of());
        try (GenericContainer<?> container = lambda(image, 128)
                .withEnv("RUNWAY_JAVA_OPTIONS", "-Xlog:class+load=info")) {
            container.start();
            assertThat(container.getContainerInfo().getHostConfig().getMemory()).isEqualTo(128L << 20);
            assertThat(container.getContainerInfo().getHostConfig().getReadonlyRootfs()).isTrue();
            String answer = invoke(container, "{\"name\":\"image\"}");
            assertThat(answer).as(container.getLogs()).isEqualTo("{\"message\":\"Hello, image!\"}");
            // A second invoke, warm.
            assertThat(invoke(container, "{}")).isEqualTo("{\"message\":\"Hello, world!\"}");
            // Trained at build time: the handler's class came out of the function's cache in /var/task.
            assertThat(container.getLogs()).contains("dev.runway.samples.hello.HelloHandler source: shared objects file")
                    .doesNotContain("[runway] Not using", "[warning]", "[error]");
            report("hello image trained by its RUN step, 128 MB, read-only root: OK, handler from the cache, served by "
                    + servedBy(container));
        }
    }

    @Test
    @Order(2)
    void zip_function_on_the_layer_extracted_at_opt() throws Exception {
        Path context = fresh("zip");
        LayerIT.unzip(LAYER_ZIP, context.resolve("opt"));
        LayerIT.unzip(FUNCTION_ZIP, context.resolve("task"));
        String localModeAddOn = "";
        if (!withRie) {
            // Not part of the layer: local mode's platform, added only so that this image can serve without an
            // RIE. Under the RIE (CI with Docker) the layer runs exactly as zipped.
            Files.copy(LAYER_DIR.resolve("runway/lib/runway-local.jar"),
                    context.resolve("opt/runway/lib/runway-local.jar"), StandardCopyOption.COPY_ATTRIBUTES);
            localModeAddOn = " + runway-local.jar (local mode add-on, no RIE)";
        }
        // How Lambda lays out a provided.al2023 zip function: layers at /opt, the function at /var/task, no
        // /var/runtime/bootstrap (the entry point then finds /opt/bootstrap).
        Files.writeString(context.resolve("Dockerfile"), """
                FROM %s
                COPY opt/ /opt/
                COPY task/ /var/task/
                CMD ["%s"]
                """.formatted(baseImage, HANDLER));
        String image = "localhost/runway-it/zip:latest";
        build(image, context, Map.of());
        try (GenericContainer<?> container = lambda(image, 128)) {
            container.start();
            assertThat(invoke(container, "{\"name\":\"layer\"}")).as(container.getLogs())
                    .isEqualTo("{\"message\":\"Hello, layer!\"}");
            report("zip function, layer at /opt" + localModeAddOn + ", 128 MB, read-only root: OK, served by "
                    + servedBy(container));
        }
    }

    /**
     * The zip path with a trained cache: the function trained in a container with the layer at {@code /opt} and
     * itself at {@code /var/task} (the paths and the JRE it will run with), then run from an image of those two
     * directories, 128 MB, read-only root. The JVM's class loading log says where the handler came from.
     */
    @Test
    @Order(3)
    void zip_function_trained_at_var_task_starts_from_its_own_cache() throws Exception {
        Path context = fresh("zip-trained");
        LayerIT.unzip(LAYER_ZIP, context.resolve("opt"));
        LayerIT.unzip(FUNCTION_ZIP, context.resolve("task"));
        if (!withRie) {
            Files.copy(LAYER_DIR.resolve("runway/lib/runway-local.jar"),
                    context.resolve("opt/runway/lib/runway-local.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        }
        // The training step a user runs before zipping: `/opt/bootstrap --train HANDLER` in the task root.
        try (GenericContainer<?> training = new GenericContainer<>(baseImage)
                .withFileSystemBind(context.resolve("opt").toString(), "/opt", BindMode.READ_ONLY)
                .withFileSystemBind(context.resolve("task").toString(), "/var/task", BindMode.READ_WRITE)
                .withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint("/opt/bootstrap"))
                .withCommand("--train", HANDLER)
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofMinutes(5)))) {
            training.start();
            assertThat(training.getLogs()).contains("[runway train] wrote /var/task/runway.aot");
        }
        assertThat(context.resolve("task/runway.aot")).isRegularFile();
        assertThat(Files.readAllLines(context.resolve("task/runway.aot.id")).get(1))
                .startsWith("/opt/runway/lib/runway-runtime.jar:").contains("/var/task/lib/");
        Files.writeString(context.resolve("Dockerfile"), """
                FROM %s
                COPY opt/ /opt/
                COPY task/ /var/task/
                CMD ["%s"]
                """.formatted(baseImage, HANDLER));
        String image = "localhost/runway-it/zip-trained:latest";
        build(image, context, Map.of());
        try (GenericContainer<?> container = lambda(image, 128)
                .withEnv("RUNWAY_JAVA_OPTIONS", "-Xlog:class+load=info")) {
            container.start();
            assertThat(invoke(container, "{\"name\":\"trained\"}")).as(container.getLogs())
                    .isEqualTo("{\"message\":\"Hello, trained!\"}");
            String logs = container.getLogs();
            // The function's own class, from /var/task/lib, came out of the function's cache.
            assertThat(logs).contains("dev.runway.samples.hello.HelloHandler source: shared objects file")
                    .doesNotContain("[runway] Not using", "[warning]", "[error]");
            report("zip function trained at /var/task (" + Files.size(context.resolve("task/runway.aot")) / (1 << 20)
                    + " MiB cache), layer at /opt, 128 MB, read-only root: handler from the cache, served by "
                    + servedBy(container));
        }
    }

    @Test
    @Order(4)
    void external_extension_in_opt_extensions() throws Exception {
        Path context = fresh("extension");
        Path classes = context.resolve("ext/dev/runway/image");
        Files.createDirectories(classes);
        Files.copy(TEST_CLASSES.resolve("dev/runway/image/TestExtension.class"), classes.resolve("TestExtension.class"));
        Path script = context.resolve("test-extension");
        Files.writeString(script, """
                #!/bin/sh
                # An external extension on the image's own JRE.
                exec /var/runtime/jre/bin/java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp /opt/test-extension-classes dev.runway.image.TestExtension
                """);
        script.toFile().setExecutable(true, false);
        Files.writeString(context.resolve("Dockerfile"), """
                FROM localhost/runway-it/hello:latest
                COPY ext/ /opt/test-extension-classes/
                COPY test-extension /opt/extensions/test-extension
                """);
        String image = "localhost/runway-it/extension:latest";
        build(image, context, Map.of());
        try (GenericContainer<?> container = lambda(image, 512)) {
            container.start();
            assertThat(invoke(container, "{\"name\":\"ext\"}")).as(container.getLogs())
                    .isEqualTo("{\"message\":\"Hello, ext!\"}");
            Instant deadline = Instant.now().plusSeconds(20);
            while (!container.getLogs().contains("\"eventType\":\"INVOKE\"") && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertThat(container.getLogs()).contains("[test-extension] registered")
                    .contains("[test-extension] event").contains("\"eventType\":\"INVOKE\"");
            report("external extension in /opt/extensions: registered and got INVOKE, started by "
                    + servedBy(container));
        }
    }

    /** A function container as Lambda runs one: the memory limit, a read-only root and a writable /tmp. */
    private static GenericContainer<?> lambda(String image, int memoryMb) {
        long bytes = (long) memoryMb << 20;
        return new GenericContainer<>(image)
                .withExposedPorts(8080)
                .withEnv("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb))
                .withTmpFs(Map.of("/tmp", "rw,size=64m"))
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                        .withMemory(bytes)
                        .withMemorySwap(bytes)
                        .withReadonlyRootfs(true))
                // Readiness is the first invoke that answers (invoke() retries): the RIE and local mode both
                // accept connections before the runtime is up, and no check command runs in a busybox image.
                .waitingFor(new AbstractWaitStrategy() {
                    @Override
                    protected void waitUntilReady() {}
                });
    }

    private static String invoke(GenericContainer<?> container, String event) throws Exception {
        URI uri = URI.create("http://" + container.getHost() + ":" + container.getMappedPort(8080) + INVOKE);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(READY);
        IOException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!container.isRunning()) {
                throw new AssertionError("the container exited:\n" + container.getLogs());
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(event)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(container.getLogs()).isEqualTo(200);
                return response.body();
            } catch (IOException e) {
                last = e; // not listening yet (a published port may accept, then reset)
                Thread.sleep(250);
            }
        }
        throw new AssertionError("no answer in " + READY + ": " + last + "\n" + container.getLogs());
    }

    private static String servedBy(GenericContainer<?> container) {
        String logs = container.getLogs();
        if (logs.contains("NO RIE in this image")) {
            return "Runway's local mode (no RIE in the image)";
        }
        if (logs.contains("serving with the RIE")) {
            return "the RIE (stand-in image)";
        }
        return "the base image's entry point (" + baseImage + ", RIE)";
    }

    private static void build(String name, Path context, Map<String, String> args) {
        ImageFromDockerfile image = new ImageFromDockerfile(name, false).withFileFromPath(".", context);
        args.forEach(image::withBuildArg);
        image.get();
    }

    private static Path fresh(String name) throws IOException {
        Path dir = WORK.resolve(name);
        if (Files.exists(dir)) {
            run(WORK, "rm", "-rf", dir.toString());
        }
        return Files.createDirectories(dir);
    }

    /** cp -a: keeps modes and times (the AOT cache's jars, the executables). */
    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        run(WORK, "cp", "-a", from.toString(), to.toString());
    }

    private static void run(Path dir, String... command) {
        try {
            Process process = new ProcessBuilder(Stream.of(command).filter(s -> !s.isEmpty()).toList())
                    .directory(dir.toFile()).inheritIO().start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void report(String line) {
        System.out.println("[container-it] " + line);
        try {
            Files.createDirectories(WORK);
            Files.writeString(WORK.resolve("containers.txt"), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The module version the RIE binary was built from, out of the build information Go embeds in every binary
     * (what {@code go version -m} prints); {@code .ci/run} checks it is the one {@code .ci/lib.sh} pins.
     */
    private static String rieVersion(Path binary) throws IOException {
        String module = "\tgithub.com/aws/aws-lambda-runtime-interface-emulator\t";
        String bytes = new String(Files.readAllBytes(binary), StandardCharsets.ISO_8859_1);
        int at = bytes.indexOf(module);
        int end = at < 0 ? -1 : bytes.indexOf('\t', at + module.length());
        return end < 0 ? "unknown" : bytes.substring(at + module.length(), end);
    }

    private static String property(String name) {
        String value = System.getProperty(name, "");
        return value.startsWith("${") ? "" : value.strip();
    }
}
