package dev.runway.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import dev.runway.ric.testing.Event;
import dev.runway.ric.testing.RecordedPost;
import dev.runway.ric.testing.TelemetryFrames;
import dev.runway.ric.testing.TelemetryFrames.Frame;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Functions that log through SLF4J or Log4j 2, run by the real {@code bootstrap} with a FIFO as the telemetry
 * descriptor: Runway's SLF4J provider writes framed records with the request id; a function's own Logback or
 * Log4j keeps its binding (the runtime's SLF4J is relocated) and finds {@code AWSRequestId} in its MDC.
 */
class LoggingIT extends BootstrapTestSupport {

    private TelemetryFrames frames;

    @AfterEach
    void closeFrames() {
        if (frames != null) {
            frames.close();
        }
    }

    private RunningProcess startWithDescriptor(Path taskRoot, String handler, Map<String, String> extraEnvironment)
            throws Exception {
        frames = TelemetryFrames.create(temp.resolve("pipe"));
        Map<String, String> env = RunningProcess.baseEnvironment();
        env.put("AWS_LAMBDA_RUNTIME_API", api.address());
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("_LAMBDA_TELEMETRY_LOG_FD", "3");
        env.putAll(extraEnvironment);
        return track(RunningProcess.start("bootstrap-logging", List.of("sh", "-c", frames.shellRedirect(),
                Distribution.bootstrap().toString(), handler), env, taskRoot, temp));
    }

    @Test
    void runwaysSlf4jProviderWritesJsonFramesOfTheInvocation() throws Exception {
        Path task = TestFunctions.taskRoot(temp.resolve("task"));
        deployJar(task, "runway-slf4j");
        deployJar(task, "slf4j-api");
        RunningProcess process = startWithDescriptor(task, TestFunctions.SLF4J, Map.of("AWS_LAMBDA_LOG_FORMAT", "JSON"));

        Event event = api.enqueue(Event.of("\"world\"").withHeader("Lambda-Runtime-Trace-Id", "Root=1-abc-def;Sampled=1"));
        RecordedPost post = takePost(process);
        List<Frame> records = frames.untilPayloadContains("failed on purpose");

        assertThat(post.bodyText()).isEqualTo("\"dev.runway.slf4j.RunwayLoggerFactory " + event.requestId() + "\"");
        assertThat(records).hasSize(3);
        assertThat(records).allSatisfy(frame -> {
            assertThat(frame.format()).isEqualTo(LogFormat.JSON);
            JsonNode record = frame.json();
            assertThat(record.get("AWSRequestId").asText()).isEqualTo(event.requestId());
            assertThat(record.get("AWS-XRAY-TRACE-ID").asText()).isEqualTo("Root=1-abc-def;Sampled=1");
            assertThat(record.get("logger").asText()).isEqualTo(TestFunctions.SLF4J);
            assertThat(record.get("level").asText()).isEqualTo(frame.level().name());
        });
        assertThat(records.get(0).json().get("message").asText()).isEqualTo("hello world");
        assertThat(records.get(1).json().get("message").asText()).isEqualTo("two lines\nof warning");
        assertThat(records.get(1).level()).isEqualTo(LogLevel.WARN);
        JsonNode error = records.get(2).json();
        assertThat(error.get("level").asText()).isEqualTo("ERROR");
        assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.get("errorMessage").asText()).isEqualTo("on purpose");
        assertThat(error.get("stackTrace").toString()).contains("Caused by: java.lang.IllegalArgumentException: cause");
    }

    @Test
    void aFunctionsOwnLogbackKeepsItsBindingAndFindsTheRequestIdInItsMdc() throws Exception {
        Path task = TestFunctions.taskRoot(temp.resolve("task"));
        copyDirectory(libraries("logback"), task.resolve("lib"));
        Files.writeString(task.resolve("logback.xml"), """
                <configuration>
                  <appender name="console" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%X{AWSRequestId} %-5level %logger{0} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="console"/></root>
                </configuration>
                """);
        RunningProcess process = startWithDescriptor(task, TestFunctions.SLF4J, Map.of());

        Event event = api.enqueue("\"logback\"");
        RecordedPost post = takePost(process);
        List<Frame> records = frames.untilPayloadContains("failed on purpose");

        assertThat(post.bodyText()).isEqualTo("\"ch.qos.logback.classic.LoggerContext " + event.requestId() + "\"");
        List<String> payloads = records.stream().map(Frame::payload).toList();
        assertThat(payloads.get(payloads.size() - 3)).isEqualTo(event.requestId() + " INFO  Slf4jHandler - hello logback");
        assertThat(payloads.get(payloads.size() - 2)).isEqualTo(event.requestId() + " WARN  Slf4jHandler - two lines\nof warning");
        // Logback writes the event and its stack trace in one write: one frame.
        assertThat(payloads.get(payloads.size() - 1)).startsWith(event.requestId() + " ERROR Slf4jHandler - failed on purpose\n"
                + "java.lang.IllegalStateException: on purpose\n\tat ").contains("Caused by: java.lang.IllegalArgumentException: cause");
    }

    @Test
    void aFunctionsOwnLog4j2FindsTheRequestIdInItsThreadContext() throws Exception {
        Path task = TestFunctions.taskRoot(temp.resolve("task"));
        copyDirectory(libraries("log4j2"), task.resolve("lib"));
        Files.writeString(task.resolve("log4j2.xml"), """
                <Configuration status="WARN">
                  <Appenders>
                    <Console name="console" target="SYSTEM_OUT">
                      <PatternLayout pattern="%X{AWSRequestId} %-5level %c{1} - %msg%n"/>
                    </Console>
                  </Appenders>
                  <Loggers><Root level="info"><AppenderRef ref="console"/></Root></Loggers>
                </Configuration>
                """);
        RunningProcess process = startWithDescriptor(task, TestFunctions.LOG4J2, Map.of());

        Event event = api.enqueue("\"log4j\"");
        RecordedPost post = takePost(process);
        List<Frame> records = frames.untilPayloadContains("failed on purpose");

        assertThat(post.bodyText()).isEqualTo("\"" + event.requestId() + "\"");
        List<String> payloads = records.stream().map(Frame::payload).toList();
        assertThat(payloads).contains(event.requestId() + " INFO  Log4j2Handler - hello log4j");
        assertThat(payloads.get(payloads.size() - 1)).startsWith(event.requestId() + " ERROR Log4j2Handler - failed on purpose\n"
                + "java.lang.IllegalStateException: on purpose");
    }

    private static Path libraries(String name) {
        String root = System.getProperty("runway.it.loggingLibraries");
        if (root == null) {
            throw new IllegalStateException("runway.it.loggingLibraries is not set: run through Maven (./mvnw verify)");
        }
        return Path.of(root, name);
    }

    /** Copies the jar of a dependency on this test's class path into the function's {@code lib/}. */
    private static void deployJar(Path taskRoot, String artifactId) throws IOException {
        Path lib = Files.createDirectories(taskRoot.resolve("lib"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            String name = path.getFileName().toString();
            if (name.startsWith(artifactId + "-") && name.endsWith(".jar") && !name.endsWith("-tests.jar")) {
                Files.copy(path, lib.resolve(name));
                return;
            }
            if (Files.isDirectory(path) && path.endsWith(Path.of("slf4j-runway", "target", "classes"))
                    && artifactId.equals("runway-slf4j")) {
                jar(path, lib.resolve("runway-slf4j.jar"));
                return;
            }
        }
        throw new IllegalStateException(artifactId + " is not on the test class path");
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }

    private static void copyDirectory(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
