package dev.runway.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SnapStart restore protocol between the real runtime and local mode's restore endpoints. */
class SnapStartIT {

    private static final Map<String, String> SNAP_START = Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");

    @TempDir
    Path temp;

    @Test
    void hooksRunAroundTheRestoreBeforeTheFirstInvocation() throws Exception {
        Path taskRoot = TestFunctions.taskRoot(Files.createDirectories(temp.resolve("task")));
        try (LocalEmulator emulator = LocalEmulator.start("snapstart", taskRoot, "dev.runway.testfunctions.SnapStartProbe",
                SNAP_START, List.of(), temp)) {
            HttpResponse<String> response = emulator.invoke("{}");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("beforeCheckpoint,afterRestore");
        }
    }

    @Test
    void aFailingAfterRestoreHookFailsTheInitWithItsErrorType() throws Exception {
        Path taskRoot = TestFunctions.taskRoot(Files.createDirectories(temp.resolve("task")));
        Map<String, String> env = new java.util.HashMap<>(SNAP_START);
        env.put("PROBE_FAIL_AFTER_RESTORE", "true");
        try (LocalEmulator emulator = LocalEmulator.start("snapstart-fail", taskRoot,
                "dev.runway.testfunctions.SnapStartProbe", env, List.of(), temp)) {
            HttpResponse<String> response = emulator.invoke("{}");
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.body()).contains("\"errorType\":\"java.lang.IllegalStateException\"")
                    .contains("the connection pool did not come back");
        }
    }
}
