package dev.runway.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The java command line the {@code bootstrap} script builds, exactly, under every POSIX shell found here (dash
 * and busybox stand in for strictness; Amazon Linux's /bin/sh is bash). A fake {@code java} prints its
 * arguments instead of starting a JVM.
 */
class BootstrapScriptIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String MAIN = "dev.runway.bootstrap.Main";
    private static final String HANDLER = "example.Handler::handleRequest";

    /** Prints its own path, then each argument, one per line. */
    private static final String FAKE_JAVA = """
            #!/bin/sh
            printf '%s\\n' "$0" "$@"
            """;

    @TempDir
    Path temp;

    private Path home;
    private Path fakeJava;

    @BeforeEach
    void copyTheScript() throws IOException {
        temp = temp.toRealPath();
        home = Files.createDirectories(temp.resolve("runway"));
        Files.createDirectories(home.resolve("lib"));
        Files.copy(Distribution.bootstrap(), home.resolve("bootstrap"), StandardCopyOption.COPY_ATTRIBUTES);
        fakeJava = executable(temp.resolve("fake-java"), FAKE_JAVA);
    }

    static Stream<String> shells() {
        return Stream.of("sh", "dash", "bash", "busybox")
                .filter(shell -> onPath(shell).isPresent());
    }

    @ParameterizedTest
    @MethodSource("shells")
    void theCommandLineIsTheManagedRuntimes(String shell) {
        Result result = run(shell, List.of(HANDLER), Map.of("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128"));

        assertThat(result.argv()).containsExactly(
                fakeJava.toString(),
                "-XX:MaxHeapSize=111412k",
                "-XX:+UseSerialGC",
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:auto",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "-XX:+ErrorFileToStderr",
                "-cp",
                classPath(home),
                MAIN,
                HANDLER);
        assertThat(result.stderr()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"128, 111412k", "512, 445645k", "1769, 1539738k", "10240, 8912896k", "1, 871k"})
    void theHeapLimitIs85PercentOfTheMemoryInKibRoundedUp(String megabytes, String heap) {
        Result result = run("sh", List.of(HANDLER), Map.of("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", megabytes));

        assertThat(result.argv()).contains("-XX:MaxHeapSize=" + heap);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "08", "-1", "12.5", "99999999", "1 2"})
    void aMemorySizeThatIsNoNumberOfMegabytesSetsNoHeapLimit(String value) {
        Result result = run("sh", List.of(HANDLER), Map.of("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", value));

        assertThat(result.status()).isZero();
        assertThat(result.argv()).noneMatch(argument -> argument.startsWith("-XX:MaxHeapSize"));
        assertThat(result.stderr()).contains("AWS_LAMBDA_FUNCTION_MEMORY_SIZE='" + value + "'");
    }

    @Test
    void withoutAMemorySizeThereIsNoHeapLimitAndNoWarning() {
        Result result = run("sh", List.of(HANDLER), Map.of());

        assertThat(result.argv()).noneMatch(argument -> argument.startsWith("-XX:MaxHeapSize"));
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void withoutAnArgumentTheHandlerComesFromTheEnvironment() {
        Result result = run("sh", List.of(), Map.of("_HANDLER", "from.Env::handle"));

        assertThat(result.argv().getLast()).isEqualTo("from.Env::handle");
        assertThat(result.argv().get(result.argv().size() - 2)).isEqualTo(MAIN);
    }

    @Test
    void anArgumentWinsOverTheEnvironment() {
        Result result = run("sh", List.of(HANDLER), Map.of("_HANDLER", "from.Env::handle"));

        assertThat(result.argv().getLast()).isEqualTo(HANDLER);
    }

    @Test
    void withNoHandlerAtAllTheMainClassIsLastAndReportsIt() {
        Result result = run("sh", List.of(), Map.of());

        assertThat(result.argv().getLast()).isEqualTo(MAIN);
    }

    @ParameterizedTest
    @MethodSource("shells")
    void runwayJavaOptionsAreSplitOnBlanksAndNeverExpanded(String shell) throws IOException {
        // A file a glob would match, in the working directory.
        Files.writeString(home.resolve("match-me"), "");

        Result result = run(shell, List.of(HANDLER), Map.of("RUNWAY_JAVA_OPTIONS", " -Da=*  -Db=two\t-Xss1m "));

        assertThat(result.argv()).containsSubsequence("-XX:+ErrorFileToStderr", "-Da=*", "-Db=two", "-Xss1m", "-cp");
    }

    @Test
    void aClassDataArchiveIsUsedOnlyWhenItIsThere() throws IOException {
        assertThat(run("sh", List.of(HANDLER), Map.of()).argv())
                .noneMatch(argument -> argument.startsWith("-XX:SharedArchiveFile"));

        Files.writeString(home.resolve("lib/runway.jsa"), "");

        assertThat(run("sh", List.of(HANDLER), Map.of()).argv())
                .containsSubsequence("-Xshare:auto", "-XX:SharedArchiveFile=" + home.resolve("lib/runway.jsa"));
    }

    @ParameterizedTest
    @MethodSource("shells")
    void theAotCacheReplacesClassDataSharingOnlyForTheJdkThatMadeIt(String shell) throws IOException {
        Path jdk = Files.createDirectories(temp.resolve("jdk25/bin"));
        Path java = executable(jdk.resolve("java"), FAKE_JAVA);
        Files.writeString(temp.resolve("jdk25/release"), """
                IMPLEMENTOR="Eclipse Adoptium"
                JAVA_RUNTIME_VERSION="25.0.3+9-LTS"
                JAVA_VERSION="25.0.3"
                MODULES="java.base java.logging"
                """);
        Files.writeString(home.resolve("lib/runway.aot"), "");
        Files.writeString(home.resolve("lib/runway.jsa"), "");
        Files.writeString(home.resolve("lib/runway.aot.jdk"),
                "JAVA_RUNTIME_VERSION=\"25.0.3+9-LTS\"|MODULES=\"java.base java.logging\"\n");

        List<String> shellCommand = shell.equals("busybox") ? List.of(shellPath(shell), "sh") : List.of(shellPath(shell));
        List<String> argv = runWithJava(java, Map.of(), shellCommand).argv();
        assertThat(argv).contains("-XX:AOTCache=" + home.resolve("lib/runway.aot"))
                .noneMatch(arg -> arg.startsWith("-Xshare") || arg.startsWith("-XX:SharedArchiveFile"));
        // The flags the build chose for the cache follow it, one per word.
        Files.writeString(home.resolve("lib/runway.aot.flags"), "-XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining\n");
        assertThat(runWithJava(java, Map.of(), shellCommand).argv()).containsSubsequence(
                "-XX:AOTCache=" + home.resolve("lib/runway.aot"), "-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining");

        // A runtime jar newer than the cache: the cache holds the previous jar's classes.
        Files.writeString(home.resolve("lib/runway-runtime.jar"), "");
        Files.setLastModifiedTime(home.resolve("lib/runway.aot"), FileTime.fromMillis(1_000_000));
        assertThat(runWithJava(java, Map.of(), shellCommand).argv())
                .noneMatch(arg -> arg.startsWith("-XX:AOTCache"));
        Files.setLastModifiedTime(home.resolve("lib/runway.aot"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));

        Files.writeString(home.resolve("lib/runway.aot.jdk"),
                "JAVA_RUNTIME_VERSION=\"25.0.2+10-LTS\"|MODULES=\"java.base java.logging\"\n");
        assertThat(runWithJava(java, Map.of(), shellCommand).argv())
                .containsSubsequence("-Xshare:auto", "-XX:SharedArchiveFile=" + home.resolve("lib/runway.jsa"))
                .noneMatch(arg -> arg.startsWith("-XX:AOTCache"));
    }

    @Test
    void javaIsTakenFromTheBundledJreBeforeJavaHomeAndPath() throws IOException {
        Path javaHome = Files.createDirectories(temp.resolve("jdk/bin"));
        executable(javaHome.resolve("java"), FAKE_JAVA);
        Path onPath = Files.createDirectories(temp.resolve("path"));
        executable(onPath.resolve("java"), FAKE_JAVA);
        String path = onPath + File.pathSeparator + System.getenv("PATH");
        Map<String, String> env = new HashMap<>(Map.of("JAVA_HOME", temp.resolve("jdk").toString(), "PATH", path));

        assertThat(runWithJava(null, env).argv().getFirst()).isEqualTo(javaHome.resolve("java").toString());

        env.remove("JAVA_HOME");
        assertThat(runWithJava(null, env).argv().getFirst()).isEqualTo(onPath.resolve("java").toString());

        Path bundled = Files.createDirectories(home.resolve("jre/bin"));
        executable(bundled.resolve("java"), FAKE_JAVA);
        env.put("JAVA_HOME", temp.resolve("jdk").toString());
        assertThat(runWithJava(null, env).argv().getFirst()).isEqualTo(bundled.resolve("java").toString());

        assertThat(runWithJava(fakeJava, env).argv().getFirst()).isEqualTo(fakeJava.toString());
    }

    @Test
    void withNoJavaAnywhereTheStartFailsWith127() throws IOException {
        // A PATH with sh's own directory only would still find a system java; give one with no java at all.
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Result result = runWithJava(null, Map.of("PATH", bin.toString()), List.of(shellPath("sh")));

        assertThat(result.status()).isEqualTo(127);
        assertThat(result.stderr()).contains("No Java runtime");
    }

    @Test
    void aSymbolicLinkToTheScriptStillFindsTheRealLibraries() throws IOException {
        Path elsewhere = Files.createDirectories(temp.resolve("task"));
        Path link = Files.createSymbolicLink(elsewhere.resolve("bootstrap"), home.resolve("bootstrap"));

        Result result = exec(List.of(link.toString(), HANDLER), Map.of("RUNWAY_JAVA", fakeJava.toString()), elsewhere);

        assertThat(result.argv()).contains(classPath(home));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bootstrap", "./bootstrap", "../runway/bootstrap"})
    void aRelativeInvocationGivesAnAbsoluteClassPath(String invocation) {
        Result result = exec(List.of(shellPath("sh"), invocation, HANDLER),
                Map.of("RUNWAY_JAVA", fakeJava.toString()), home);

        assertThat(result.argv()).anyMatch(argument -> argument.startsWith("/") && argument.endsWith("jackson-annotations.jar"));
        assertThat(Path.of(result.argv().get(result.argv().indexOf("-cp") + 1).split(":")[0]).normalize())
                .isEqualTo(home.resolve("lib/runway-runtime.jar"));
    }

    @ParameterizedTest
    @MethodSource("shells")
    void anExecWrapperGetsJavaAndTheWholeCommandLine(String shell) throws IOException {
        Path wrapper = executable(temp.resolve("wrapper"), """
                #!/bin/sh
                echo wrapped
                exec "$@"
                """);

        Result result = run(shell, List.of(HANDLER), Map.of("AWS_LAMBDA_EXEC_WRAPPER", wrapper.toString()));

        assertThat(result.argv().getFirst()).isEqualTo("wrapped");
        assertThat(result.argv().get(1)).isEqualTo(fakeJava.toString());
        assertThat(result.argv().getLast()).isEqualTo(HANDLER);
    }

    @Test
    void aMissingExecWrapperIs127() {
        Result result = run("sh", List.of(HANDLER), Map.of("AWS_LAMBDA_EXEC_WRAPPER", "/no/such/wrapper"));

        assertThat(result.status()).isEqualTo(127);
        assertThat(result.argv()).isEmpty();
        assertThat(result.stderr()).contains("/no/such/wrapper");
    }

    @Test
    void anExecWrapperThatIsNotAnExecutableFileIs126() throws IOException {
        Path notExecutable = temp.resolve("wrapper.txt");
        Files.writeString(notExecutable, "#!/bin/sh\n");

        assertThat(run("sh", List.of(HANDLER), Map.of("AWS_LAMBDA_EXEC_WRAPPER", notExecutable.toString())).status())
                .isEqualTo(126);
        assertThat(run("sh", List.of(HANDLER), Map.of("AWS_LAMBDA_EXEC_WRAPPER", temp.toString())).status())
                .isEqualTo(126);
    }

    @Test
    void anEmptyExecWrapperIsNoWrapper() {
        Result result = run("sh", List.of(HANDLER), Map.of("AWS_LAMBDA_EXEC_WRAPPER", ""));

        assertThat(result.argv().getFirst()).isEqualTo(fakeJava.toString());
    }

    private static String classPath(Path home) {
        return home.resolve("lib/runway-runtime.jar") + ":" + home.resolve("lib/aws-lambda-java-core.jar") + ":"
                + home.resolve("lib/jackson-annotations.jar");
    }

    private record Result(int status, List<String> argv, String stderr) {}

    /** Runs {@code <shell> bootstrap <arguments>} with the fake java. */
    private Result run(String shell, List<String> arguments, Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of(shellPath(shell)));
        if (shell.equals("busybox")) {
            command.add("sh");
        }
        command.add(home.resolve("bootstrap").toString());
        command.addAll(arguments);
        Map<String, String> env = new HashMap<>(environment);
        env.put("RUNWAY_JAVA", fakeJava.toString());
        return exec(command, env, home);
    }

    private Result runWithJava(Path java, Map<String, String> environment) {
        return runWithJava(java, environment, List.of(shellPath("sh")));
    }

    private Result runWithJava(Path java, Map<String, String> environment, List<String> shell) {
        List<String> command = new ArrayList<>(shell);
        command.add(home.resolve("bootstrap").toString());
        command.add(HANDLER);
        Map<String, String> env = new HashMap<>(environment);
        if (java != null) {
            env.put("RUNWAY_JAVA", java.toString());
        }
        return exec(command, env, home);
    }

    private Result exec(List<String> command, Map<String, String> environment, Path directory) {
        Map<String, String> env = RunningProcess.baseEnvironment();
        env.remove("JAVA_HOME");
        // As on Lambda: without it, the script would start local mode (see LocalModeIT).
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001");
        env.putAll(environment);
        try (RunningProcess process = RunningProcess.start("script", command, env, directory, temp)) {
            int status = process.exitStatus(WAIT);
            return new Result(status, process.stdout().lines().toList(), process.stderr());
        }
    }

    private static Path executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static String shellPath(String name) {
        return onPath(name).orElseThrow(() -> new IllegalStateException(name + " is not on PATH")).toString();
    }

    private static Optional<Path> onPath(String name) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .map(directory -> Path.of(directory, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
