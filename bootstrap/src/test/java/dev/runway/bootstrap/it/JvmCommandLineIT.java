package dev.runway.bootstrap.it;

import dev.runway.ric.testing.RecordedPost;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the JVM that {@code bootstrap} starts was really given, as seen from inside a function. */
class JvmCommandLineIT extends BootstrapTestSupport {

    private Path function;

    @BeforeEach
    void buildFunction() {
        function = TestFunctions.taskRoot(temp.resolve("task"));
    }

    private Probe probe(Map<String, String> environment) {
        RunningProcess process = startBootstrap(function, TestFunctions.PROBE, environment);
        RecordedPost result = invoke(process, "{}");
        assertThat(result.kind()).as(result.bodyText()).isEqualTo(RecordedPost.Kind.RESPONSE);
        return Probe.parse(result.bodyText());
    }

    @Test
    void theHeapLimitIs85PercentOfTheFunctionMemory() {
        Probe probe = probe(Map.of("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256"));

        // 256 MB * 1024 * 0.85 = 222822.4 KiB, rounded up.
        assertThat(probe.arguments()).contains("-XX:MaxHeapSize=222823k");
        long limit = 222823L * 1024;
        // The serial collector reports the heap less one survivor space: a little under the limit.
        assertThat(probe.maxMemory()).isLessThanOrEqualTo(limit).isGreaterThan(limit * 85 / 100);
    }

    @Test
    void withoutAMemorySizeTheJvmSizesItsOwnHeap() {
        Probe probe = probe(Map.of());

        assertThat(probe.arguments()).noneMatch(argument -> argument.startsWith("-XX:MaxHeapSize"));
    }

    @Test
    void theManagedRuntimesFlagsAreInEffect() {
        Probe probe = probe(Map.of("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512"));

        assertThat(probe.value("vm.UseSerialGC")).isEqualTo("true");
        assertThat(probe.value("vm.TieredCompilation")).isEqualTo("true");
        assertThat(probe.value("vm.TieredStopAtLevel")).isEqualTo("1");
        assertThat(probe.value("gc")).contains("MarkSweepCompact");
        assertThat(probe.arguments()).contains("-XX:MaxHeapSize=445645k",
                "--add-opens=java.base/java.io=ALL-UNNAMED", "-XX:+ErrorFileToStderr");
        // A JDK-internal package stays closed to the function's classes (docs/reliability.md).
        assertThat(probe.arguments()).noneMatch(a -> a.contains("sun.nio.ch"));
        // The distribution's AOT cache when the build and this test run on the JDK that made it, else CDS.
        String archive = Runtime.version().feature() >= 25
                ? "-XX:AOTCache=" + Distribution.home().resolve("lib/runway.aot")
                : "-Xshare:auto";
        assertThat(probe.arguments()).contains(archive);
        if (Runtime.version().feature() >= 25) {
            // Its training data is not replayed: eager compilations slowed the start of a one-vCPU function.
            assertThat(probe.arguments()).contains("-XX:-AOTReplayTraining");
        }
    }

    @Test
    void theJvmWritesNothingOfItsOwnToTheFunctionsLog() {
        // JDK 25 warned about colliding cached adapters at every start with the AOT cache (JDK-8364929).
        RunningProcess process = startBootstrap(function, TestFunctions.PROBE, Map.of("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512"));

        RecordedPost result = invoke(process, "{}");

        assertThat(result.kind()).as(result.bodyText()).isEqualTo(RecordedPost.Kind.RESPONSE);
        assertThat(process.stdout()).doesNotContain("[warning]", "[error]");
        assertThat(process.stderr()).doesNotContain("[warning]", "[error]");
    }

    @Test
    void javaToolOptionsReachTheFunction() {
        RunningProcess process = startBootstrap(function, TestFunctions.PROBE,
                Map.of("JAVA_TOOL_OPTIONS", "-Drunway.it.tool=picked-up"));

        Probe probe = Probe.parse(invoke(process, "{}").bodyText());

        assertThat(probe.value("property.runway.it.tool")).isEqualTo("picked-up");
        assertThat(process.stderr()).contains("Picked up JAVA_TOOL_OPTIONS: -Drunway.it.tool=picked-up");
    }

    @Test
    void runwayJavaOptionsComeLastAndSoOverrideTheDefaults() {
        Probe probe = probe(Map.of(
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512",
                "RUNWAY_JAVA_OPTIONS", "-XX:MaxHeapSize=64m -Drunway.it.extra=yes"));

        assertThat(probe.value("property.runway.it.extra")).isEqualTo("yes");
        assertThat(probe.arguments()).containsSubsequence("-XX:MaxHeapSize=445645k", "-XX:MaxHeapSize=64m");
        assertThat(probe.maxMemory()).isLessThanOrEqualTo(64L * 1024 * 1024);
    }
}
