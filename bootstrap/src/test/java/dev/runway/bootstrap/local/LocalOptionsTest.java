package dev.runway.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalOptionsTest {

    @Test
    void theRieDefaults() {
        LocalOptions options = LocalOptions.parse(List.of("--local", "pkg.Handler"), Map.of());

        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.runtimeApiPort()).isZero();
        assertThat(options.handler()).isEqualTo("pkg.Handler");
        assertThat(options.functionName()).isEqualTo("test_function");
        assertThat(options.memoryMb()).isEqualTo(3008);
        assertThat(options.timeoutSeconds()).isEqualTo(300);
        assertThat(options.maxConcurrency()).isZero();
        assertThat(options.extensionsDirectory()).isEqualTo(Path.of("/opt/extensions"));
    }

    @Test
    void flagsBeatTheEnvironmentAndTheRieFlagsWork() {
        LocalOptions options = LocalOptions.parse(List.of("--runtime-interface-emulator-address", "0.0.0.0:9000",
                "--runtime-api-address", "127.0.0.1:9009", "--no-extensions"), Map.of("RUNWAY_LOCAL_PORT", "1234",
                "_HANDLER", "from.Env", "AWS_LAMBDA_FUNCTION_TIMEOUT", "3", "AWS_LAMBDA_MAX_CONCURRENCY", "4"));

        assertThat(options.host()).isEqualTo("0.0.0.0");
        assertThat(options.port()).isEqualTo(9000);
        assertThat(options.runtimeApiPort()).isEqualTo(9009);
        assertThat(options.handler()).isEqualTo("from.Env");
        assertThat(options.timeoutSeconds()).isEqualTo(3);
        assertThat(options.maxConcurrency()).isEqualTo(4);
        assertThat(options.extensionsDirectory()).isNull();
    }

    @Test
    void badValuesAreRefusedAtStartRatherThanOnEveryInvoke() {
        assertThatThrownBy(() -> LocalOptions.parse(List.of(), Map.of("AWS_LAMBDA_FUNCTION_TIMEOUT", "3.5")))
                .hasMessageContaining("AWS_LAMBDA_FUNCTION_TIMEOUT");
        assertThatThrownBy(() -> LocalOptions.parse(List.of("--port"), Map.of())).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> LocalOptions.parse(List.of("--nope"), Map.of())).hasMessageContaining("Unknown option");
    }

    @Test
    void watchTakesAnOptionalDirectoryAndTaskRootOverridesTheVariable(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        LocalOptions plain = LocalOptions.parse(List.of("--watch", "pkg.Handler"), Map.of("LAMBDA_TASK_ROOT", dir.toString()));
        assertThat(plain.watch()).isEqualTo(dir.toAbsolutePath());
        assertThat(plain.handler()).isEqualTo("pkg.Handler");

        java.nio.file.Path root = dir.resolve("root");
        LocalOptions both = LocalOptions.parse(List.of("--task-root", root.toString(), "--watch", dir.toString(), "pkg.H"),
                Map.of("LAMBDA_TASK_ROOT", "/elsewhere"));
        assertThat(both.taskRoot()).isEqualTo(root.toAbsolutePath());
        assertThat(both.watch()).isEqualTo(dir.toAbsolutePath());
        assertThat(both.handler()).isEqualTo("pkg.H");
        assertThat(LocalOptions.parse(List.of("pkg.H"), Map.of()).watch()).isNull();
    }
}
