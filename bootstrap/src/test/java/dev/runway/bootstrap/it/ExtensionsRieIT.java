package dev.runway.bootstrap.it;

import dev.runway.ric.testing.Prerequisite;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extensions SDK under the real RIE (legacy mode) as a plain process, with a test directory as
 * {@code /opt/extensions}: a private mount namespace ({@code unshare -m}) and a bind mount, so the host's
 * {@code /opt} is untouched. Skipped, loudly, when the RIE or {@code unshare} is missing; under CI that fails
 * them ({@link Prerequisite}). The RIE stubs the Telemetry API (202 {@code Telemetry.NotSupported}), sends
 * {@code SandboxTerminated} on SIGTERM, and answers extension failures with an empty 502.
 */
class ExtensionsRieIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private Path rie;

    @TempDir
    Path temp;

    private final List<RunningProcess> processes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void requireTheEmulatorAndNamespaces() throws Exception {
        rie = Rie.require();
        Process unshare = new ProcessBuilder("unshare", "-m", "true").redirectErrorStream(true).start();
        Prerequisite.require(unshare.waitFor() == 0, "RIE EXTENSION TESTS: unshare -m is not permitted here (they"
                + " need a private mount namespace, as root, to put their extensions at /opt/extensions)");
    }

    @AfterEach
    void stopEverything() {
        for (RunningProcess process : processes) {
            process.close();
            System.out.println(process.output());
        }
    }

    private record Emulator(RunningProcess process, URI invocations) {}

    private Emulator start(Path extensions, String handler, Map<String, String> extraEnvironment) throws IOException {
        int invokePort = LocalEmulator.freePort();
        int runtimeApiPort = LocalEmulator.freePort();
        Path taskRoot = TestFunctions.taskRoot(temp.resolve("task"));
        Map<String, String> env = RunningProcess.baseEnvironment();
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("TEST_EXTENSION_LOG", temp.resolve("extensions.log").toString());
        env.put("SHUTDOWN_MARKER", temp.resolve("marker").toString());
        // The handler as the base images' entry point gives it, in _HANDLER too: the RIE answers an extension's
        // registration with the handler of its environment only (_HANDLER or AWS_LAMBDA_FUNCTION_HANDLER); one
        // given on its command line alone reaches the runtime but leaves the registration's "handler" empty, where
        // Lambda gives the function's. docs/local-mode.md lists it.
        env.put("_HANDLER", handler);
        env.putAll(extraEnvironment);
        // In a private mount namespace: /opt/extensions is the test's directory for the RIE and its children only.
        String script = "set -e; if [ ! -d /opt/extensions ]; then mount -t tmpfs runway-test /opt; mkdir /opt/extensions; fi;"
                + " mount --bind \"$1\" /opt/extensions; shift; exec \"$@\"";
        RunningProcess process = RunningProcess.start("rie-" + processes.size(), List.of("unshare", "-m", "sh", "-c", script,
                        "sh", extensions.toString(), rie.toString(),
                        "--runtime-interface-emulator-address", "127.0.0.1:" + invokePort,
                        "--runtime-api-address", "127.0.0.1:" + runtimeApiPort,
                        Distribution.bootstrap().toAbsolutePath().toString(), handler),
                env, taskRoot, temp);
        processes.add(process);
        process.awaitListening(invokePort, Duration.ofSeconds(30));
        return new Emulator(process, URI.create("http://127.0.0.1:" + invokePort + "/2015-03-31/functions/function/invocations"));
    }

    private HttpResponse<String> invoke(Emulator emulator, String event) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(emulator.invocations()).timeout(WAIT)
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void registerInvokeFanOutShutdownAndSigtermToTheRuntime() throws Exception {
        Path extensions = temp.resolve("extensions");
        ExtensionsSdkIT.sdkExtension(extensions, "alpha", "normal");
        ExtensionsSdkIT.sdkExtension(extensions, "beta", "normal");
        Emulator emulator = start(extensions, "dev.runway.testfunctions.ShutdownCallbackHandler", Map.of());

        HttpResponse<String> response = invoke(emulator, "{}");
        assertThat(response.statusCode()).isEqualTo(200);
        long before = System.currentTimeMillis();
        emulator.process().signalTerminate();
        emulator.process().exitStatus(WAIT);

        String log = Files.readString(temp.resolve("extensions.log"));
        for (String name : List.of("alpha", "beta")) {
            assertThat(log).contains(name + " registered test_function dev.runway.testfunctions.ShutdownCallbackHandler -",
                    name + " subscription NOT_SUPPORTED", name + " INVOKE ", name + " SHUTDOWN SandboxTerminated ", name + " exits");
            String shutdown = log.lines().filter(line -> line.startsWith(name + " SHUTDOWN ")).findFirst().orElseThrow();
            assertThat(Long.parseLong(shutdown.substring(shutdown.lastIndexOf(' ') + 1))).isBetween(before, System.currentTimeMillis() + 2_000);
        }
        assertThat(Files.readString(temp.resolve("marker"))).isEqualTo("callback ran");
        assertThat(emulator.process().stdout()).contains("shutdown hook ran");
    }

    @Test
    void initErrorAndCrashAre502AndANeverRegisteringExtensionTimesOut() throws Exception {
        Path failing = temp.resolve("failing");
        ExtensionsSdkIT.sdkExtension(failing, "broken", "init-error");
        Emulator initError = start(failing, TestFunctions.SLEEP, Map.of());
        assertThat(invoke(initError, "0").statusCode()).isEqualTo(502);
        initError.process().close();

        Path sleeping = temp.resolve("sleeping");
        ExtensionsSdkIT.sdkExtension(sleeping, "sleeper", "never-register");
        Emulator neverRegisters = start(sleeping, TestFunctions.SLEEP, Map.of("AWS_LAMBDA_FUNCTION_TIMEOUT", "2"));
        assertThat(invoke(neverRegisters, "0").body()).contains("Task timed out");
    }

    @Test
    void anExtensionThatCrashesDuringAnInvocationFailsItWith502() throws Exception {
        Path extensions = temp.resolve("extensions");
        ExtensionsSdkIT.sdkExtension(extensions, "crasher", "crash-on-invoke");
        Emulator emulator = start(extensions, TestFunctions.SLEEP, Map.of());

        HttpResponse<String> response = invoke(emulator, "0");

        // The RIE: 502 {"errorType":"Extension.Crash",...} when the crash is seen before the runtime's answer.
        assertThat(response.statusCode()).as(response.body()).isIn(200, 502);
        assertThat(emulator.process().output()).contains("Extension.Crash");
    }

    @Test
    void registeringAfterInitIsRefused() throws Exception {
        Path extensions = temp.resolve("extensions");
        ExtensionsSdkIT.sdkExtension(extensions, "late", "late-register");
        Emulator emulator = start(extensions, TestFunctions.SLEEP, Map.of());

        assertThat(invoke(emulator, "0").statusCode()).isEqualTo(200);

        assertThat(Files.readString(temp.resolve("extensions.log")))
                .contains("late late registration refused 403 Extension.RegistrationClosed");
    }
}
