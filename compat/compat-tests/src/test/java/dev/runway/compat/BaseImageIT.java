package dev.runway.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The applications in Runway's base image, as a user builds a function image ({@code FROM} the image, the jars in
 * {@code ${LAMBDA_TASK_ROOT}/lib}, the handler as {@code CMD}), on the local stand-in for
 * {@code provided:al2023} with the real RIE inside (see base-image's ContainerIT): one base image built once, one
 * small image and one container per application, each giving the answers the layer and the official RIC give
 * (the other tests here). The AWS SDK and agent applications talk to servers of the test's on the host's loopback
 * (the TLS certificate names {@code localhost}): their containers share the host's network, and the RIE is started
 * directly on free ports instead of through the image's entry point (which listens on the fixed 8080).
 */
class BaseImageIT {

    private static final Path LAYER_DIR = Path.of(System.getProperty("compat.layer.dir"));
    private static final Path DOCKER = Path.of(System.getProperty("compat.dockerDir"));
    private static final Path STANDIN = Path.of(System.getProperty("compat.standinDir"));
    private static final String RUNWAY_IMAGE = "localhost/runway-compat/runway:latest";

    /** One application in the image: its handler, configuration, event and the answer it must give. */
    record App(String module, String handler, Map<String, String> env, String event, String expected) {
        @Override
        public String toString() {
            return module + " " + env.getOrDefault("SPRING_CLOUD_FUNCTION_DEFINITION", "");
        }
    }

    static List<App> apps() {
        String spring = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest";
        Map<String, String> greet = Map.of("MAIN_CLASS", "dev.runway.compat.spring.CompatApplication",
                "SPRING_CLOUD_FUNCTION_DEFINITION", "greet");
        return List.of(
                new App("spring-cloud-function", spring, greet, "{\"name\":\"image\",\"times\":1}",
                        "{\"message\":\"Hello, image!\",\"length\":13}"),
                new App("micronaut", "dev.runway.compat.micronaut.MicronautHandler::handleRequest", Map.of(),
                        "{\"name\":\"image\"}", "{\"greeting\":\"Hello from Micronaut, image!\",\"keys\":1}"),
                new App("powertools", "dev.runway.compat.powertools.PowertoolsHandler::handleRequest",
                        Map.of("POWERTOOLS_SERVICE_NAME", "compat-service", "POWERTOOLS_METRICS_NAMESPACE",
                                "RunwayCompat"),
                        "{\"name\":\"image\"}", "\"powertools: image\""),
                new App("logback", "dev.runway.compat.logback.LogbackHandler::handleRequest", Map.of(),
                        "{\"a\":1}", null),
                new App("log4j2", "dev.runway.compat.log4j2.Log4j2Handler::handleRequest", Map.of(),
                        "{\"a\":1}", null));
    }

    @BeforeAll
    static void images() throws IOException {
        boolean docker = DockerClientFactory.instance().isDockerAvailable();
        if (!docker) {
            System.err.println("==> COMPAT CONTAINER TESTS SKIPPED: no Docker API (run .ci/run, or set DOCKER_HOST)");
        }
        Assumptions.assumeTrue(docker, "no Docker API: container tests skipped");
        Path rie = Emulator.rie();
        Path standin = fresh("standin");
        Files.copy(STANDIN.resolve("Dockerfile"), standin.resolve("Dockerfile"));
        Compat.run("sh", STANDIN.resolve("make-rootfs.sh").toString(), standin.resolve("rootfs.tar").toString(),
                rie.toString());
        String base = "localhost/runway-compat/standin:latest";
        build(base, standin, Map.of());
        // The shipped Dockerfile, unchanged, on the distribution the build made.
        Path runway = fresh("runway-image");
        Files.copy(DOCKER.resolve("Dockerfile"), runway.resolve("Dockerfile"));
        Compat.run("cp", "-a", LAYER_DIR.resolve("runway").toString(), runway.resolve("runway").toString());
        build(RUNWAY_IMAGE, runway, Map.of("BASE_IMAGE", base));
    }

    @ParameterizedTest
    @MethodSource("apps")
    void answers_in_the_base_image(App app) throws Exception {
        String image = appImage(app.module(), app.handler());
        long memory = 1024L << 20;
        try (GenericContainer<?> container = new GenericContainer<>(image)
                .withExposedPorts(8080)
                .withEnv(app.env())
                .withEnv("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024")
                .withTmpFs(Map.of("/tmp", "rw,size=64m"))
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withMemory(memory)
                        .withMemorySwap(memory).withReadonlyRootfs(true))
                .waitingFor(new AbstractWaitStrategy() {
                    @Override
                    protected void waitUntilReady() {}
                })) {
            container.start();
            String answer = invoke(container, app.event());
            assertThat(container.getLogs()).contains("serving with the RIE");
            if (app.expected() != null) {
                assertThat(Json.parse(answer)).as(container.getLogs()).isEqualTo(Json.parse(app.expected()));
            } else {
                // Logging applications: the answer carries the request id, which the log line carries too.
                String id = Json.parse(answer).get("requestId").asText();
                assertThat(Json.parse(answer).get("event")).isEqualTo(Json.parse(app.event()));
                Instant deadline = Instant.now().plusSeconds(20);
                while (!container.getLogs().contains(id + " INFO") && Instant.now().isBefore(deadline)) {
                    Thread.sleep(100);
                }
                assertThat(container.getLogs()).contains("[" + app.module() + "] " + id + " INFO");
            }
        }
    }

    @Test
    void aws_sdk_over_https_in_the_base_image() throws Exception {
        String image = appImage("aws-sdk", "dev.runway.compat.awssdk.DynamoDbHandler::handleRequest");
        try (TlsEndpoint dynamo = TlsEndpoint.start(Compat.WORK.resolve("tls-image"), "application/x-amz-json-1.0",
                body -> "{\"Item\":{\"id\":{\"S\":\"42\"},\"name\":{\"S\":\"image\"}}}")) {
            Path trust = Compat.WORK.resolve("tls-image").toAbsolutePath();
            Map<String, String> env = Map.of("COMPAT_ENDPOINT", dynamo.url(),
                    "JAVA_TOOL_OPTIONS", dynamo.trustOptions(),
                    "AWS_ACCESS_KEY_ID", "AKIDCOMPATEXAMPLE", "AWS_SECRET_ACCESS_KEY", "compat-secret",
                    "AWS_SESSION_TOKEN", "compat-token", "AWS_REGION", "us-east-1");
            String answer = onHostNetwork(image, "dev.runway.compat.awssdk.DynamoDbHandler::handleRequest", env,
                    trust, "{\"id\":\"42\"}");
            assertThat(Json.parse(answer)).isEqualTo(Json.parse("{\"id\":\"42\",\"name\":\"image\"}"));
            assertThat(dynamo.requests()).hasSize(1);
            assertThat(dynamo.requests().get(0).authorization()).startsWith("AWS4-HMAC-SHA256");
        }
    }

    @Test
    void opentelemetry_agent_in_the_base_image() throws Exception {
        String handler = "dev.runway.compat.logback.LogbackHandler::handleRequest";
        String image = appImage("logback", handler);
        Path agents = Compat.AGENTS.toAbsolutePath();
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            Map<String, String> env = Map.of("JAVA_TOOL_OPTIONS",
                    "-javaagent:" + agents.resolve("opentelemetry-javaagent.jar"),
                    "OTEL_SERVICE_NAME", "compat-otel", "OTEL_TRACES_EXPORTER", "otlp",
                    "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                    "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", receiver.tracesEndpoint(),
                    "OTEL_METRICS_EXPORTER", "none", "OTEL_LOGS_EXPORTER", "none");
            String answer = onHostNetwork(image, handler, env, agents, "{\"a\":1}");
            String id = Json.parse(answer).get("requestId").asText();
            List<io.opentelemetry.proto.trace.v1.Span> spans = receiver.await(
                    span -> span.getKind() == io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER, 1);
            assertThat(spans).hasSize(1);
            assertThat(spans.get(0).getAttributesList()).anyMatch(kv -> kv.getKey().equals("faas.invocation_id")
                    && kv.getValue().getStringValue().equals(id));
        }
    }

    /** A function image of an application (its jars in the task root, the handler as CMD), built once per test. */
    private static String appImage(String module, String handler) throws IOException {
        Path context = fresh("image-" + module);
        Compat.run("cp", "-a", Compat.taskRoot(module).resolve("lib").toString(), context.resolve("lib").toString());
        Files.writeString(context.resolve("Dockerfile"), """
                FROM %s
                COPY lib/ ${LAMBDA_TASK_ROOT}/lib/
                CMD ["%s"]
                """.formatted(RUNWAY_IMAGE, handler));
        String image = "localhost/runway-compat/" + module + ":latest";
        build(image, context, Map.of());
        return image;
    }

    /**
     * Runs the image on the host's network, read-only, 1024 MB, with {@code shared} mounted read-only at its own
     * path, the RIE on free loopback ports running the image's {@code /var/runtime/bootstrap}, and invokes it once.
     */
    private static String onHostNetwork(String image, String handler, Map<String, String> env, Path shared,
            String event) throws Exception {
        int invokePort = Compat.freePort();
        int apiPort = Compat.freePort();
        long memory = 1024L << 20;
        try (GenericContainer<?> container = new GenericContainer<>(image)
                .withNetworkMode("host")
                .withEnv(env)
                .withEnv("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024")
                .withFileSystemBind(shared.toString(), shared.toString(), BindMode.READ_ONLY)
                .withTmpFs(Map.of("/tmp", "rw,size=64m"))
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withEntrypoint("/usr/local/bin/aws-lambda-rie");
                    cmd.withCmd("--runtime-interface-emulator-address", "127.0.0.1:" + invokePort,
                            "--runtime-api-address", "127.0.0.1:" + apiPort, "/var/runtime/bootstrap", handler);
                    cmd.getHostConfig().withMemory(memory).withMemorySwap(memory).withReadonlyRootfs(true);
                })
                .waitingFor(new AbstractWaitStrategy() {
                    @Override
                    protected void waitUntilReady() {}
                })) {
            container.start();
            return invoke(container, URI.create("http://127.0.0.1:" + invokePort
                    + "/2015-03-31/functions/function/invocations"), event);
        }
    }

    private static String invoke(GenericContainer<?> container, String event) throws Exception {
        return invoke(container, URI.create("http://" + container.getHost() + ":" + container.getMappedPort(8080)
                + "/2015-03-31/functions/function/invocations"), event);
    }

    private static String invoke(GenericContainer<?> container, URI uri, String event) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        IOException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!container.isRunning()) {
                throw new AssertionError("the container exited:\n" + container.getLogs());
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofString(event)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(container.getLogs()).isEqualTo(200);
                return response.body();
            } catch (IOException e) {
                last = e; // not listening yet
                Thread.sleep(250);
            }
        }
        throw new AssertionError("no answer: " + last + "\n" + container.getLogs());
    }

    private static void build(String name, Path context, Map<String, String> args) {
        ImageFromDockerfile image = new ImageFromDockerfile(name, false).withFileFromPath(".", context);
        args.forEach(image::withBuildArg);
        image.get();
    }

    private static Path fresh(String name) {
        Path dir = Compat.WORK.resolve("containers").resolve(name);
        Compat.deleteTree(dir);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
