package dev.runway.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code AWS_LAMBDA_EXEC_WRAPPER}, as the managed runtimes implement it. */
class ExecWrapperIT extends BootstrapTestSupport {

    /** Keeps its command line, then starts the JVM with one more system property. */
    private static final String WRAPPER = """
            #!/bin/sh
            printf '%s\\n' "$@" > "$RUNWAY_IT_ARGV_FILE"
            java=$1
            shift
            exec "$java" -Drunway.it.wrapped=yes "$@"
            """;

    private Path function;

    @BeforeEach
    void buildFunction() {
        function = TestFunctions.taskRoot(temp.resolve("task"));
    }

    @Test
    void theWrapperGetsTheJavaCommandLineAndCanChangeIt() throws IOException {
        Path wrapper = script("wrapper", WRAPPER, "rwxr-xr-x");
        Path argvFile = temp.resolve("argv.txt");

        RunningProcess process = startBootstrap(function, TestFunctions.PROBE, Map.of(
                "AWS_LAMBDA_EXEC_WRAPPER", wrapper.toString(),
                "RUNWAY_IT_ARGV_FILE", argvFile.toString(),
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128"));
        Probe probe = Probe.parse(invoke(process, "{}").bodyText());

        assertThat(probe.value("property.runway.it.wrapped")).isEqualTo("yes");
        List<String> argv = Files.readAllLines(argvFile);
        assertThat(argv.getFirst()).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        assertThat(argv).contains("-XX:MaxHeapSize=111412k", "-XX:+UseSerialGC", "-cp");
        assertThat(argv.subList(argv.size() - 2, argv.size()))
                .containsExactly("dev.runway.bootstrap.Main", TestFunctions.PROBE);
    }

    @Test
    void aMissingWrapperEndsTheStartWith127() {
        Path missing = temp.resolve("no-such-wrapper");

        RunningProcess process = startBootstrap(function, TestFunctions.PROBE,
                Map.of("AWS_LAMBDA_EXEC_WRAPPER", missing.toString()));

        assertThat(process.exitStatus(WAIT)).isEqualTo(127);
        assertThat(process.stderr()).contains(missing.toString());
    }

    @Test
    void aWrapperThatIsNotExecutableEndsTheStartWith126() throws IOException {
        Path wrapper = script("not-executable", WRAPPER, "rw-r--r--");

        RunningProcess process = startBootstrap(function, TestFunctions.PROBE,
                Map.of("AWS_LAMBDA_EXEC_WRAPPER", wrapper.toString()));

        assertThat(process.exitStatus(WAIT)).isEqualTo(126);
        assertThat(process.stderr()).contains(wrapper.toString());
    }

    private Path script(String name, String text, String permissions) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}
