package dev.runway.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.ric.testing.RecordedPost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * {@code bootstrap --train}: the AOT cache trained on the function in its task root, used by the next start without
 * any flag, and ignored, with one line in the log and no word from the JVM, when it does not fit: made by another
 * Java runtime, or for a class path that changed since.
 */
@EnabledForJreRange(min = JRE.JAVA_25)
class TrainedCacheIT extends BootstrapTestSupport {

    private static final String HANDLER = "dev.runway.samples.hello.HelloHandler";
    /** The JVM's own report of where each class came from, on standard output. */
    private static final Map<String, String> CLASS_LOADING_LOG = Map.of("RUNWAY_JAVA_OPTIONS", "-Xlog:class+load=info");

    private Path taskRoot;

    @BeforeEach
    void trainTheSampleFunction() throws IOException {
        taskRoot = temp.resolve("task");
        copyTree(Distribution.sampleFunction(), taskRoot);
        Map<String, String> env = RunningProcess.baseEnvironment();
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        List<String> command = List.of(Distribution.bootstrap().toString(), "--train", "--event",
                write("event.json", "{\"name\":\"training\"}").toString(), HANDLER);
        RunningProcess training = track(RunningProcess.start("train", command, env, taskRoot, temp));

        assertThat(training.exitStatus(Duration.ofMinutes(5))).as(training.output()).isZero();
        assertThat(training.stdout()).contains("[runway train] event 1 of 1: answered");
        assertThat(taskRoot.resolve("runway.aot")).isRegularFile();
        assertThat(taskRoot.resolve("runway.aot.id")).isRegularFile();
    }

    @Test
    void bootstrapStartsTheFunctionFromItsTrainedCache() throws IOException {
        RunningProcess process = startBootstrap(taskRoot, HANDLER, CLASS_LOADING_LOG);

        RecordedPost result = invoke(process, "{\"name\":\"Ada\"}");

        assertThat(result.bodyText()).isEqualTo("{\"message\":\"Hello, Ada!\"}");
        // The function's own class, from its own jar, came out of the cache.
        assertThat(process.stdout()).contains(HANDLER + " source: shared objects file");
        assertThat(process.stderr()).doesNotContain("[runway]");
        assertThat(process.output()).doesNotContain("[warning]", "[error]");
        assertThat(Files.readAllLines(taskRoot.resolve("runway.aot.id")).get(1))
                .startsWith(Distribution.home().resolve("lib/runway-runtime.jar").toString())
                .endsWith(jar("runway-sample-functions-").toString());
        // Every class came from the cache, and the start-up probes of what the function brings asked the function's
        // own jar only: the runtime's jars were never opened (bootstrap execs the JVM, so the process is the JVM).
        Path runtimeLibrary = Distribution.home().resolve("lib").toRealPath();
        assertThat(openFiles(process.pid())).as("files the JVM has open after the first invocation")
                .noneMatch(file -> file.startsWith(runtimeLibrary))
                .contains(jar("runway-sample-functions-").toRealPath());
    }

    /** @return the files a process has open, from {@code /proc/<pid>/fd} */
    private static List<Path> openFiles(long pid) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path descriptor : descriptors.toList()) {
                try {
                    files.add(Files.readSymbolicLink(descriptor));
                } catch (IOException closedMeanwhile) {
                    // A descriptor closed between the listing and the read.
                }
            }
        }
        return files;
    }

    @Test
    void aCacheMadeByAnotherJavaRuntimeIsIgnoredWithOneLine() throws Exception {
        Path otherJre = temp.resolve("other-jre");
        Process jlink = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jlink").toString(),
                "--add-modules", "java.base,java.logging,java.management,java.naming,java.net.http,java.sql,"
                        + "jdk.unsupported,jdk.zipfs",
                "--output", otherJre.toString()).inheritIO().start();
        assertThat(jlink.waitFor()).isZero();

        RunningProcess process = startBootstrap(taskRoot, HANDLER, Map.of("RUNWAY_JAVA",
                otherJre.resolve("bin/java").toString(), "RUNWAY_JAVA_OPTIONS", "-Xlog:class+load=info"));
        RecordedPost result = invoke(process, "{\"name\":\"Ada\"}");

        assertThat(result.bodyText()).isEqualTo("{\"message\":\"Hello, Ada!\"}");
        assertThat(notUsedLines(process)).singleElement().asString()
                .contains("made by another Java runtime than " + otherJre.resolve("bin/java"));
        assertThat(process.stdout()).doesNotContain(HANDLER + " source: shared objects file");
        assertThat(process.output()).doesNotContain("[warning]", "[error]");
    }

    @Test
    void aJarChangedSinceTrainingIsNoticedBeforeTheJvmStarts() throws IOException {
        Path jar = jar("runway-sample-functions-");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));

        RunningProcess process = startBootstrap(taskRoot, HANDLER, CLASS_LOADING_LOG);
        RecordedPost result = invoke(process, "{\"name\":\"Ada\"}");

        assertThat(result.bodyText()).isEqualTo("{\"message\":\"Hello, Ada!\"}");
        assertThat(notUsedLines(process)).singleElement().asString().contains(jar + " is newer than the cache");
        // The runtime's own cache serves instead: the runtime's classes still come out of an archive.
        assertThat(process.stdout()).contains("dev.runway.bootstrap.Main source: shared objects file");
        assertThat(process.output()).doesNotContain("[warning]", "[error]");
    }

    @Test
    void aJarRemovedSinceTrainingIsNoticedBeforeTheJvmStarts() throws IOException {
        Path jar = jar("joda-time-");
        Files.delete(jar);

        RunningProcess process = startBootstrap(taskRoot, HANDLER, Map.of());
        RecordedPost result = invoke(process, "{\"name\":\"Ada\"}");

        assertThat(result.bodyText()).isEqualTo("{\"message\":\"Hello, Ada!\"}");
        assertThat(notUsedLines(process)).singleElement().asString()
                .contains("made for a class path with " + jar + ", which is not there");
        assertThat(process.output()).doesNotContain("[warning]", "[error]");
    }

    private static List<String> notUsedLines(RunningProcess process) {
        List<String> lines = new ArrayList<>();
        for (String line : process.stderr().lines().toList()) {
            if (line.startsWith("[runway]")) {
                lines.add(line);
                assertThat(line).startsWith("[runway] Not using the function's AOT cache ");
            }
        }
        return lines;
    }

    /** The task root's jar whose name starts so. */
    private Path jar(String prefix) throws IOException {
        try (Stream<Path> jars = Files.list(taskRoot.resolve("lib"))) {
            return jars.filter(jar -> jar.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
