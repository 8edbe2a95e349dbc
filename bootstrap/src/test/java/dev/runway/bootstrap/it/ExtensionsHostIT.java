package dev.runway.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Local mode as extensions host: real extension processes from an extensions directory, the real runtime,
 * INVOKE fan-out, crashes, and the platform's shutdown sequence on SIGTERM.
 */
class ExtensionsHostIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @org.junit.jupiter.api.io.TempDir
    Path temp;

    private final List<LocalEmulator> emulators = new ArrayList<>();

    @AfterEach
    void stop() {
        for (LocalEmulator emulator : emulators) {
            emulator.close();
            System.out.println(emulator.process.output());
        }
    }

    /** A launcher script named like the extension, as layers put them in /opt/extensions. */
    private Path extension(Path directory, String name, String mode) throws IOException {
        Files.createDirectories(directory);
        Path script = directory.resolve(name);
        Files.writeString(script, "#!/bin/sh\nexec \"" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "\" -XX:TieredStopAtLevel=1 -cp \"" + Distribution.testClasses() + "\" dev.runway.testfunctions.TestExtension \""
                + name + "\" " + mode + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private LocalEmulator start(Path extensions, String handler, Path log) throws IOException {
        LocalEmulator emulator = LocalEmulator.start("local-" + emulators.size(), TestFunctions.taskRoot(temp.resolve("task")),
                handler, Map.of("TEST_EXTENSION_LOG", log.toString(), "AWS_LAMBDA_FUNCTION_TIMEOUT", "60"),
                List.of("--extensions", extensions.toString()), temp);
        emulators.add(emulator);
        return emulator;
    }

    @Test
    void extensionsRegisterGetInvokeAndOnSigtermShutdownWhileTheRuntimeGetsSigterm() throws Exception {
        Path extensions = temp.resolve("extensions");
        extension(extensions, "b-ext", "normal");
        extension(extensions, "a-ext", "normal");
        Files.createDirectories(extensions.resolve("a-directory-is-ignored"));
        Path log = temp.resolve("extensions.log");
        LocalEmulator emulator = start(extensions, "dev.runway.testfunctions.HookHandler", log);

        HttpResponse<String> response = emulator.invoke("{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hooked");
        String requestId = response.headers().firstValue("X-Amzn-RequestId").orElseThrow();
        String events = awaitLog(log, "b-ext event {\"eventType\":\"INVOKE\"");
        assertThat(events).contains("a-ext registered 200 {\"functionName\":\"test_function\"",
                "\"requestId\":\"" + requestId + "\"");

        // The invoker has its answer once the runtime posted it; the invocation ends once both extensions are back
        // in /event/next. SIGTERM before that resets an environment in the middle of an invocation.
        ExtensionsSdkIT.await(emulator.process::stdout, "REPORT RequestId: " + requestId);
        long before = System.currentTimeMillis();
        // 143: the JVM ends as SIGTERM ends a process, after its shutdown hook shut the environment down.
        assertThat(emulator.terminate()).isIn(0, 143);

        String all = Files.readString(log);
        assertThat(all).contains("a-ext event {\"eventType\":\"SHUTDOWN\"", "b-ext event {\"eventType\":\"SHUTDOWN\"",
                "\"shutdownReason\":\"spindown\"", "a-ext exits", "b-ext exits");
        JsonNode shutdown = JSON.readTree(all.lines().filter(line -> line.startsWith("a-ext event {\"eventType\":\"SHUTDOWN\""))
                .findFirst().orElseThrow().substring("a-ext event ".length()));
        assertThat(shutdown.path("deadlineMs").asLong()).isBetween(before, System.currentTimeMillis() + 2_000);
        // With extensions registered, the runtime gets SIGTERM first: its shutdown hooks run.
        assertThat(emulator.process.stdout()).contains("shutdown hook ran", "a-ext is ready");
    }

    @Test
    void anExtensionCrashDuringAnInvocationIs502ExtensionCrashAndTheNextInvokeStartsAfresh() throws Exception {
        Path extensions = temp.resolve("extensions");
        extension(extensions, "crasher", "crash-on-invoke");
        Path log = temp.resolve("extensions.log");
        LocalEmulator emulator = start(extensions, TestFunctions.SLEEP, log);

        HttpResponse<String> crashed = emulator.invoke("2000");
        HttpResponse<String> next = emulator.invoke("0");

        assertThat(crashed.statusCode()).as(crashed.body()).isIn(200, 502);
        // The runtime may answer before the extension's crash is seen; the invocation still fails as a whole.
        assertThat(emulator.process.stdout() + emulator.process.stderr()).contains("Extension.Crash");
        assertThat(next.statusCode()).as(next.body()).isIn(200, 502);
        assertThat(Files.readString(log).lines().filter(line -> line.equals("crasher registered 200 "
                + "{\"functionName\":\"test_function\",\"functionVersion\":\"$LATEST\",\"handler\":\"dev.runway.testfunctions.SleepHandler\"}")))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void anExtensionThatExitsBeforeRegisteringFailsTheInitWith502() throws Exception {
        Path extensions = temp.resolve("extensions");
        extension(extensions, "quitter", "exit-before-register");
        LocalEmulator emulator = start(extensions, TestFunctions.SLEEP, temp.resolve("extensions.log"));

        HttpResponse<String> response = emulator.invoke("0");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(JSON.readTree(response.body()).path("errorType").asText()).isEqualTo("Extension.Crash");
    }

    private static String awaitLog(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String content = Files.exists(log) ? Files.readString(log) : "";
            if (content.contains(text)) {
                return content;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the extensions never wrote '" + text + "'");
    }
}
