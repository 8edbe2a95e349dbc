package dev.runway.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runway.ric.testing.FakeRuntimeApi;
import dev.runway.ric.testing.RecordedPost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * The {@code train} goal as a function's build runs it: Maven on a small function project ({@code src/it}) with this
 * build's plugin (installed into {@code target/it-repo} by the invoker plugin, never into {@code ~/.m2}), trained on
 * this machine with the distribution {@code bootstrap} built. Then the function started by {@code bootstrap} from
 * that task root: the JVM's class loading log says its handler came out of the trained cache.
 */
@EnabledForJreRange(min = JRE.JAVA_25)
class TrainGoalIT {

    private static final Path DISTRIBUTION = Path.of(System.getProperty("runway.it.distribution")).toAbsolutePath()
            .normalize();
    private static final String HANDLER = "com.example.hello.Hello::handleRequest";

    @Test
    void thePackagePhaseAssemblesTheTaskRootAndTrainsACacheThatBootstrapUses() throws Exception {
        Path project = FunctionBuild.copyProject("trained");

        FunctionBuild build = FunctionBuild.maven(project, "-Drunway.train.container=false", "-Drunway.train.runtime=" + DISTRIBUTION);

        assertThat(build.status()).as(build.output()).isZero();
        Path taskRoot = project.resolve("target/function");
        assertThat(build.output()).contains("[runway train] event 1 of 1: answered",
                "AOT cache " + taskRoot.resolve("runway.aot"));
        assertThat(fileNames(taskRoot.resolve("lib"))).containsExactlyInAnyOrder("hello-function-1.0.jar",
                "joda-time-" + System.getProperty("runway.it.jodaTime") + ".jar");
        assertThat(taskRoot.resolve("runway.aot")).isRegularFile();
        assertThat(Files.readAllLines(taskRoot.resolve("runway.aot.id")).get(1))
                .startsWith(DISTRIBUTION.resolve("lib/runway-runtime.jar").toString())
                .contains(taskRoot.resolve("lib/hello-function-1.0.jar").toString());

        String log = invokeWithClassLoadingLog(taskRoot);
        // The function's own class, from its jar in lib/, came out of the cache the goal trained. (Not joda-time's:
        // its classes are compiled for Java 5, which the JDK does not cache: "Old class has been linked".)
        assertThat(log).contains("com.example.hello.Hello source: shared objects file")
                .doesNotContain("[runway] Not using", "[warning]", "[error]");
    }

    @Test
    void aFunctionWhoseInitFailsFailsTheBuildWithTheTrainingsOutput() throws Exception {
        Path project = FunctionBuild.copyProject("init-fails");

        FunctionBuild build = FunctionBuild.maven(project, "-Drunway.train.container=false", "-Drunway.train.runtime=" + DISTRIBUTION,
                "-Dhello.handler=com.example.hello.Missing::handleRequest");

        assertThat(build.status()).isNotZero();
        assertThat(build.output()).contains("BUILD FAILURE",
                "The training of com.example.hello.Missing::handleRequest failed",
                "[runway train] the function's init failed", "com.example.hello.Missing");
        assertThat(project.resolve("target/function/runway.aot")).doesNotExist();
    }

    @Test
    void noRuntimeFailsTheBuildSayingWhatToConfigure() throws Exception {
        Path project = FunctionBuild.copyProject("no-runtime");

        FunctionBuild build = FunctionBuild.maven(project, "-Drunway.train.container=false",
                "-Drunway.train.runtime=" + project.resolve("no-such-layer.zip"));

        assertThat(build.status()).isNotZero();
        assertThat(build.output()).contains("BUILD FAILURE", "No Runway runtime at "
                + project.resolve("no-such-layer.zip") + ": set <runtime> to the layer zip");
    }

    /** The function on a fake Runtime API, one event, with the JVM's report of where each class came from. */
    private static String invokeWithClassLoadingLog(Path taskRoot) throws Exception {
        try (FakeRuntimeApi api = FakeRuntimeApi.start()) {
            api.enqueue("{\"name\":\"Ada\"}");
            Path log = taskRoot.resolveSibling("bootstrap.log");
            ProcessBuilder builder = new ProcessBuilder(DISTRIBUTION.resolve("bootstrap").toString(), HANDLER)
                    .directory(taskRoot.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(key -> key.startsWith("RUNWAY_") || key.startsWith("AWS_") || key.startsWith("_"));
            env.put("AWS_LAMBDA_RUNTIME_API", api.address());
            env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
            env.put("RUNWAY_JAVA_OPTIONS", "-Xlog:class+load=info");
            Process process = builder.start();
            try {
                RecordedPost post = api.takePost(Duration.ofMinutes(2));
                assertThat(post).as(() -> FunctionBuild.read(log)).isNotNull();
                assertThat(post.bodyText()).isEqualTo("\"Hello, Ada, on 2026-12-07!\"");
            } finally {
                process.destroy();
                process.waitFor(1, TimeUnit.MINUTES);
            }
            return FunctionBuild.read(log);
        }
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
