package dev.runway.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, {@code run-local.sh}, on the distribution this build made
 * ({@code RUNWAY_LOCAL_NO_BUILD=1}: a Maven build inside this one would race it): the curl line comes only once
 * the endpoint answers, and {@code --task-root} serves a directory of the developer's own.
 */
class RunLocalScriptIT extends BootstrapTestSupport {

    private static final Path REPOSITORY = Distribution.home().resolve("../../..").normalize();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private RunningProcess runLocal(int port, String... args) {
        Map<String, String> env = RunningProcess.baseEnvironment();
        env.put("RUNWAY_LOCAL_NO_BUILD", "1");
        env.put("RUNWAY_LOCAL_PORT", Integer.toString(port));
        List<String> command = new ArrayList<>(List.of(REPOSITORY.resolve("run-local.sh").toString()));
        command.addAll(List.of(args));
        return track(RunningProcess.start("run-local-" + port, command, env, REPOSITORY, temp));
    }

    /** The curl line is printed: the endpoint must answer at once, with nothing else waited for. */
    private HttpResponse<String> invokeOnceAnnounced(RunningProcess process, int port, String event) throws Exception {
        String out = process.awaitStdout("Invoke it with:", LocalEmulator.WAIT);
        assertThat(out).contains("curl -s -X POST http://127.0.0.1:" + port + "/2015-03-31/functions/function/invocations",
                "or open the local console: http://127.0.0.1:" + port + "/");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Runway local console");
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/2015-03-31/functions/function/invocations")).timeout(LocalEmulator.WAIT)
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutArgumentsItServesTheHelloSampleAndAnnouncesItOnceItAnswers() throws Exception {
        int port = LocalEmulator.freePort();
        RunningProcess process = runLocal(port);

        HttpResponse<String> answer = invokeOnceAnnounced(process, port, "{\"name\":\"Ada\"}");

        assertThat(answer.body()).isEqualTo("{\"message\":\"Hello, Ada!\"}");
        process.signalTerminate();
        assertThat(process.exitStatus(LocalEmulator.WAIT)).isNotNegative();
    }

    @Test
    void taskRootServesTheDevelopersOwnDirectory() throws Exception {
        int port = LocalEmulator.freePort();
        Path taskRoot = TestFunctions.taskRoot(temp.resolve("own"));
        RunningProcess process = runLocal(port, "--task-root", taskRoot.toString(), TestFunctions.CONTEXT);

        HttpResponse<String> answer = invokeOnceAnnounced(process, port, "{}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(process.stdout()).contains("Serving " + TestFunctions.CONTEXT + " from " + taskRoot.toRealPath());
        process.signalTerminate();
        assertThat(process.exitStatus(LocalEmulator.WAIT)).isNotNegative();
    }

    @Test
    void taskRootWithoutAHandlerSaysWhatIsMissing() {
        RunningProcess process = runLocal(0, "--task-root", temp.toString());

        assertThat(process.exitStatus(LocalEmulator.WAIT)).isEqualTo(2);
        assertThat(process.stderr()).contains("--task-root needs the handler too");
    }
}
