package dev.runway.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extensions SDK against local mode: real extension processes written with the SDK (launched the documented
 * way, by a shell launcher named like the extension), the real runtime with internal extensions and graceful
 * shutdown, real HTTP. The RIE variants are in {@link ExtensionsRieIT}.
 */
class ExtensionsSdkIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private final List<LocalEmulator> emulators = new ArrayList<>();

    @AfterEach
    void stop() {
        for (LocalEmulator emulator : emulators) {
            emulator.close();
            System.out.println(emulator.process.output());
        }
    }

    /** The launcher layout of docs/extensions.md: the JVM learns its extension name from the launcher's {@code $0}. */
    static Path sdkExtension(Path directory, String name, String mode) throws IOException {
        Files.createDirectories(directory);
        Path script = directory.resolve(name);
        Files.writeString(script, "#!/bin/sh\nexec \"" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "\" -XX:TieredStopAtLevel=1 -Xshare:auto -Drunway.extension.name=\"$(basename \"$0\")\" -cp \""
                + System.getProperty("java.class.path") + "\" dev.runway.testfunctions.SdkExtension " + mode + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private LocalEmulator start(Path taskRoot, Path extensions, String handler, Path log, Map<String, String> env)
            throws IOException {
        Map<String, String> environment = new HashMap<>(Map.of("TEST_EXTENSION_LOG", log.toString(),
                "AWS_LAMBDA_FUNCTION_TIMEOUT", "60", "SHUTDOWN_MARKER", temp.resolve("marker").toString()));
        environment.putAll(env);
        List<String> arguments = extensions == null ? List.of() : List.of("--extensions", extensions.toString());
        LocalEmulator emulator = LocalEmulator.start("local-" + emulators.size(), taskRoot, handler, environment,
                arguments, temp);
        emulators.add(emulator);
        return emulator;
    }

    @Test
    void theSamplesRunUnderLocalMode() throws Exception {
        Path layer = Path.of(System.getProperty("user.dir")).resolveSibling("sample-extensions").resolve("src/layer/extensions");
        Path extensions = temp.resolve("extensions");
        Files.createDirectories(extensions);
        for (String name : List.of("shell-logger", "telemetry-forwarder")) {
            Files.copy(layer.resolve(name), extensions.resolve(name), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path taskRoot = taskRoot();
        // The internal extension, as a function ships it: its jar (with its META-INF/services) in lib/.
        Path samples = Path.of(dev.runway.samples.extensions.InvocationTimer.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        Files.createDirectories(taskRoot.resolve("lib"));
        if (Files.isDirectory(samples)) {
            try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(taskRoot.resolve("lib/samples.jar")));
                    var files = Files.walk(samples)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    jar.putNextEntry(new java.util.jar.JarEntry(samples.relativize(file).toString().replace('\\', '/')));
                    jar.write(Files.readAllBytes(file));
                }
            }
        } else {
            Files.copy(samples, taskRoot.resolve("lib/samples.jar"));
        }
        Path forwarded = temp.resolve("forwarded.jsonl");
        LocalEmulator emulator = start(taskRoot, extensions, TestFunctions.SLEEP, temp.resolve("x.log"), Map.of(
                "FORWARD_TO_FILE", forwarded.toString(), "RUNWAY_EXTENSION_CLASSPATH", System.getProperty("java.class.path")));

        HttpResponse<String> response = emulator.invoke("0");
        String id = response.headers().firstValue("X-Amzn-RequestId").orElseThrow();
        await(emulator.process::stdout, "REPORT RequestId: " + id);
        assertThat(emulator.terminate()).isIn(0, 143);

        assertThat(emulator.process.stdout()).contains("[invocation-timer] " + id + " succeeded in ",
                "[shell-logger] registered", "[shell-logger] event {\"eventType\":\"INVOKE\"", "[shell-logger] exits");
        assertThat(Files.readString(forwarded)).contains("\"type\":\"platform.start\"", "\"type\":\"platform.runtimeDone\"", id);
    }

    /** Waits, bounded, until the text appears. */
    static String await(java.util.function.Supplier<String> source, String text) throws InterruptedException {
        long deadline = System.nanoTime() + LocalEmulator.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String content = source.get();
            if (content.contains(text)) {
                return content;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("'" + text + "' never appeared in:\n" + source.get());
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path taskRoot() {
        return TestFunctions.taskRoot(temp.resolve("task"));
    }

    @Test
    void javaExtensionsGetEveryEventInOrderWithTelemetryAndShutdownReachesThemAndTheFunction() throws Exception {
        Path extensions = temp.resolve("extensions");
        sdkExtension(extensions, "alpha", "normal");
        sdkExtension(extensions, "beta", "normal");
        Path log = temp.resolve("extensions.log");
        LocalEmulator emulator = start(taskRoot(), extensions, "dev.runway.testfunctions.ShutdownCallbackHandler", log, Map.of());

        HttpResponse<String> first = emulator.invoke("{}");
        HttpResponse<String> second = emulator.invoke("{}");
        assertThat(first.body()).isEqualTo("done");
        assertThat(second.body()).isEqualTo("done");
        String one = first.headers().firstValue("X-Amzn-RequestId").orElseThrow();
        String two = second.headers().firstValue("X-Amzn-RequestId").orElseThrow();
        // The invoker has its answer once the runtime posted it; the invocation ends when the extensions are done
        // with it too (after their runtimeDone). Only then is the environment idle, as Lambda shuts it down.
        await(emulator.process::stdout, "REPORT RequestId: " + two);
        long before = System.currentTimeMillis();
        assertThat(emulator.terminate()).isIn(0, 143);

        for (String name : List.of("alpha", "beta")) {
            List<String> lines = Files.readAllLines(log).stream().filter(line -> line.startsWith(name + " "))
                    .filter(line -> !line.startsWith(name + " telemetry")).toList();
            assertThat(lines).as(name).hasSize(8);
            assertThat(lines.get(0)).isEqualTo(name + " registered test_function dev.runway.testfunctions.ShutdownCallbackHandler 012345678912");
            assertThat(lines.get(1)).isEqualTo(name + " subscription TELEMETRY_API");
            assertThat(lines.get(2)).startsWith(name + " INVOKE " + one + " arn:aws:lambda:");
            assertThat(lines.get(3)).isEqualTo(name + " runtimeDone " + one + " true");
            assertThat(lines.get(4)).startsWith(name + " INVOKE " + two + " ");
            assertThat(lines.get(5)).isEqualTo(name + " runtimeDone " + two + " true");
            assertThat(lines.get(6)).startsWith(name + " SHUTDOWN spindown ");
            long deadline = Long.parseLong(lines.get(6).substring(lines.get(6).lastIndexOf(' ') + 1));
            assertThat(deadline).isBetween(before, System.currentTimeMillis() + 2_000);
            assertThat(lines.get(7)).isEqualTo(name + " exits");
            assertThat(Files.readString(log)).contains(name + " telemetry platform.start " + one,
                    name + " telemetry platform.runtimeDone " + one, name + " telemetry platform.runtimeDone " + two);
        }
        // SIGTERM reached the runtime: the shutdown callback and the JVM's hooks ran.
        assertThat(emulator.process.stdout()).contains("shutdown hook ran");
        assertThat(Files.readString(temp.resolve("marker"))).isEqualTo("callback ran");
    }

    @Test
    void anExtensionsInitErrorFailsTheInitWithExtensionInitError() throws Exception {
        Path extensions = temp.resolve("extensions");
        sdkExtension(extensions, "broken", "init-error");
        LocalEmulator emulator = start(taskRoot(), extensions, TestFunctions.SLEEP, temp.resolve("x.log"), Map.of());

        HttpResponse<String> response = emulator.invoke("0");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(JSON.readTree(response.body()).path("errorType").asText()).isEqualTo("Extension.InitError");
    }

    @Test
    void anExtensionWhoseProcessorFailsEndsTheInvocationWithThePlatformsError() throws Exception {
        Path extensions = temp.resolve("extensions");
        sdkExtension(extensions, "faulty", "fail-on-invoke");
        Path log = temp.resolve("x.log");
        LocalEmulator emulator = start(taskRoot(), extensions, TestFunctions.SLEEP, log, Map.of());

        HttpResponse<String> response = emulator.invoke("0");

        assertThat(response.statusCode()).as(response.body()).isIn(200, 502);
        // The invoker may have its answer before the extension is done: the invocation ends with the extension.
        await(() -> read(log), "faulty INVOKE ");
        String output = await(emulator.process::output, "REPORT RequestId");
        assertThat(output).contains("[faulty] Extension.ProcessorFailed: java.io.IOException: failing on purpose")
                .containsAnyOf("Extension.ExitError", "Extension.Crash");
    }

    @Test
    void anExtensionThatNeverRegistersTimesTheInitOut() throws Exception {
        Path extensions = temp.resolve("extensions");
        sdkExtension(extensions, "sleeper", "never-register");
        LocalEmulator emulator = start(taskRoot(), extensions, TestFunctions.SLEEP, temp.resolve("x.log"),
                Map.of("AWS_LAMBDA_FUNCTION_TIMEOUT", "2"));

        HttpResponse<String> response = emulator.invoke("0");

        assertThat(response.body()).contains("Task timed out after 2.00 seconds");
    }

    @Test
    void registeringAfterInitIsRefused() throws Exception {
        Path extensions = temp.resolve("extensions");
        sdkExtension(extensions, "late", "late-register");
        Path log = temp.resolve("x.log");
        LocalEmulator emulator = start(taskRoot(), extensions, TestFunctions.SLEEP, log, Map.of());

        assertThat(emulator.invoke("0").statusCode()).isEqualTo(200);

        await(() -> read(log), "late late registration refused 403 Extension.RegistrationClosed");
    }

    @Test
    void internalExtensionsAreRegisteredAndCalledAroundEachInvocation() throws Exception {
        Path taskRoot = taskRoot();
        Path services = taskRoot.resolve("META-INF/services/dev.runway.extensions.InternalExtension");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "dev.runway.testfunctions.RecordingInternalExtension\n");
        Path log = temp.resolve("x.log");
        LocalEmulator emulator = start(taskRoot, null, "dev.runway.testfunctions.ShutdownCallbackHandler", log, Map.of());

        HttpResponse<String> ok = emulator.invoke("{}");
        HttpResponse<String> failed = emulator.invoke("\"fail\"");
        String one = ok.headers().firstValue("X-Amzn-RequestId").orElseThrow();
        String two = failed.headers().firstValue("X-Amzn-RequestId").orElseThrow();
        await(emulator.process::stdout, "REPORT RequestId: " + two);
        assertThat(emulator.terminate()).isIn(0, 143);

        List<String> lines = Files.readAllLines(log);
        assertThat(lines).contains("internal init test_function", "internal started " + one, "internal finished " + one + " false",
                "internal INVOKE " + one, "internal started " + two, "internal finished " + two + " true");
        assertThat(lines.indexOf("internal started " + one)).isLessThan(lines.indexOf("internal finished " + one + " false"));
        assertThat(lines.indexOf("internal finished " + one + " false")).isLessThan(lines.indexOf("internal started " + two));
        assertThat(Files.readString(temp.resolve("marker"))).isEqualTo("callback ran");
    }

    @Test
    void withoutAnyExtensionTheRuntimeStillGetsSigtermUnlessTurnedOff() throws Exception {
        LocalEmulator graceful = start(taskRoot(), null, "dev.runway.testfunctions.HookHandler", temp.resolve("x.log"), Map.of());
        assertThat(graceful.invoke("{}").body()).isEqualTo("hooked");
        assertThat(graceful.terminate()).isIn(0, 143);
        assertThat(graceful.process.stdout()).contains("shutdown hook ran");

        LocalEmulator killed = start(TestFunctions.taskRoot(temp.resolve("task2")), null, "dev.runway.testfunctions.HookHandler",
                temp.resolve("y.log"), Map.of("RUNWAY_GRACEFUL_SHUTDOWN", "false"));
        assertThat(killed.invoke("{}").body()).isEqualTo("hooked");
        assertThat(killed.terminate()).isIn(0, 143);
        assertThat(killed.process.stdout()).doesNotContain("shutdown hook ran");
    }

}
