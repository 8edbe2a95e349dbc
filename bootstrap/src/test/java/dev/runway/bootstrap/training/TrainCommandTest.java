package dev.runway.bootstrap.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @TempDir
    Path taskRoot;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void withoutAHandlerItSaysHowToGiveOne() {
        int status = TrainCommand.run(List.of(), Map.of(), print(out), print(err));

        assertThat(status).isEqualTo(2);
        assertThat(text(err)).contains("no handler").contains("Usage: bootstrap --train");
    }

    @Test
    void anUnknownOptionIsRefused() {
        int status = TrainCommand.run(List.of("--events", "x.json", "a.Handler"), Map.of(), print(out), print(err));

        assertThat(status).isEqualTo(2);
        assertThat(text(err)).contains("unknown option --events");
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(TrainCommand.run(List.of("--help"), Map.of(), print(out), print(err))).isZero();
        assertThat(text(out)).contains("--event FILE");
    }

    @Test
    void theFunctionsJarsFollowTheRuntimesInNameOrder() throws IOException {
        Files.createDirectories(taskRoot.resolve("lib"));
        Files.writeString(taskRoot.resolve("lib/b.jar"), "");
        Files.writeString(taskRoot.resolve("lib/B.jar"), "");
        Files.writeString(taskRoot.resolve("lib/a.jar"), "");
        Files.writeString(taskRoot.resolve("lib/notes.txt"), "");

        String classPath = TrainCommand.classPath("/rt/runway-runtime.jar", taskRoot, print(out));

        assertThat(classPath).startsWith("/rt/runway-runtime.jar:" + taskRoot.resolve("lib/B.jar") + ":"
                + taskRoot.resolve("lib/a.jar") + ":" + taskRoot.resolve("lib/b.jar"));
    }

    @Test
    void classFilesOutsideLibKeepTheFunctionOffTheClassPath() throws IOException {
        Files.createDirectories(taskRoot.resolve("lib"));
        Files.writeString(taskRoot.resolve("lib/dependency.jar"), "");
        Files.createDirectories(taskRoot.resolve("com/example"));
        Files.write(taskRoot.resolve("com/example/Handler.class"), new byte[] {(byte) 0xCA, (byte) 0xFE});

        String classPath = TrainCommand.classPath("/rt/runway-runtime.jar", taskRoot, print(out));

        assertThat(classPath).isEqualTo("/rt/runway-runtime.jar");
        assertThat(text(out)).contains("has class files outside lib/");
    }

    @Test
    void theTrainingRunGetsLambdasDefaultsAndNoneOfTheSwitchesThatWouldChangeIt() {
        Map<String, String> child = TrainCommand.childEnvironment(Map.of("AWS_LAMBDA_EXEC_WRAPPER", "/w",
                "RUNWAY_LOCAL", "1", "AWS_LAMBDA_MAX_CONCURRENCY", "4", "RUNWAY_JAVA_OPTIONS", "-Xint",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024", "KEEP", "me"));

        assertThat(child).doesNotContainKeys("AWS_LAMBDA_EXEC_WRAPPER", "RUNWAY_LOCAL", "AWS_LAMBDA_MAX_CONCURRENCY",
                "RUNWAY_JAVA_OPTIONS");
        assertThat(child).containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024").containsEntry("KEEP", "me")
                .containsKey("AWS_LAMBDA_FUNCTION_NAME");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
