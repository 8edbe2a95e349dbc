package dev.runway.bootstrap.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A developer's loop on local mode, with the real distribution as processes: {@code bootstrap invoke} (also fed
 * by {@code bootstrap generate-event} through a pipe), {@code --watch} picking up a recompiled class, and the
 * handler checked when local mode starts.
 */
class DeveloperLoopIT extends BootstrapTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<LocalEmulator> emulators = new ArrayList<>();

    @AfterEach
    void stopEmulators() {
        for (LocalEmulator emulator : emulators) {
            emulator.close();
            System.out.println(emulator.process.output());
        }
    }

    /** Runs {@code sh -c script} in the sample function's directory, with the distribution's bootstrap as $B. */
    private RunningProcess shell(String script) {
        Map<String, String> env = RunningProcess.baseEnvironment();
        env.put("B", Distribution.bootstrap().toAbsolutePath().toString());
        return track(RunningProcess.start("sh-" + temp.toFile().list().length, List.of("sh", "-c", script), env,
                Distribution.sampleFunction(), temp));
    }

    @Test
    void invokePrintsTheResponseOnStandardOutputAndTheLogsAndReportOnStandardError() throws Exception {
        Path event = Files.writeString(temp.resolve("event.json"), "{\"name\":\"Ada\"}");

        RunningProcess invoke = shell("\"$B\" invoke -e " + event + " dev.runway.samples.hello.HelloHandler");

        assertThat(invoke.exitStatus(WAIT)).as(invoke.output()).isZero();
        assertThat(invoke.stdout()).isEqualTo("{\"message\":\"Hello, Ada!\"}\n");
        assertThat(invoke.stderr()).contains("START RequestId: ", "END RequestId: ")
                .containsPattern("REPORT RequestId: [0-9a-f-]+\tDuration: [0-9.]+ ms\tBilled Duration: [0-9]+ ms"
                        + "\tMemory Size: 3008 MB\tMax Memory Used: [0-9]+ MB\tInit Duration: [0-9.]+ ms\t\n")
                .doesNotContain("Status: error");
    }

    @Test
    void generatedEventsPipeIntoInvokeAndReachTypedHandlers() throws Exception {
        RunningProcess http = shell("\"$B\" generate-event apigateway-http --method GET --path /orders/42"
                + " | \"$B\" invoke -e - dev.runway.samples.http.HttpApiHandler");
        RunningProcess sqs = shell("\"$B\" generate-event sqs --body fail-this-one"
                + " | \"$B\" invoke -e - dev.runway.samples.sqs.SqsBatchHandler");

        assertThat(http.exitStatus(WAIT)).as(http.output()).isZero();
        JsonNode response = JSON.readTree(http.stdout());
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(JSON.readTree(response.get("body").asText()).get("path").asText()).isEqualTo("/orders/42");
        assertThat(sqs.exitStatus(WAIT)).as(sqs.output()).isZero();
        assertThat(JSON.readTree(sqs.stdout()).get("batchItemFailures").get(0).get("itemIdentifier").asText())
                .isEqualTo("059f36b4-87a3-44ab-83d2-661975830a7d");
    }

    @Test
    void invokeExitsNonZeroWithTheErrorDocumentOnAFunctionError() throws Exception {
        RunningProcess failing = shell("echo '{\"order\":7}' | \"$B\" invoke -e - dev.runway.samples.failing.FailingHandler");
        RunningProcess missing = shell("\"$B\" invoke dev.runway.samples.NoSuchHandler");

        assertThat(failing.exitStatus(WAIT)).as(failing.output()).isEqualTo(1);
        assertThat(JSON.readTree(failing.stdout()).get("errorType").asText()).isNotBlank();
        assertThat(failing.stderr()).contains("Status: error");
        assertThat(missing.exitStatus(WAIT)).as(missing.output()).isEqualTo(1);
        String lib = Distribution.sampleFunction().resolve("lib").toAbsolutePath().toString();
        // Init's message names where it looked: the task root and its jars.
        assertThat(JSON.readTree(missing.stdout()).get("errorMessage").asText())
                .startsWith("Class not found: dev.runway.samples.NoSuchHandler (searched the task root "
                        + Distribution.sampleFunction().toAbsolutePath() + " and the jars of " + lib + " (")
                .contains("runway-sample-functions-");
        // Local mode says it before the init, with the same message.
        assertThat(missing.stderr()).contains("[runway local] The function's init will fail: Class not found: "
                + "dev.runway.samples.NoSuchHandler (searched the task root " + Distribution.sampleFunction().toAbsolutePath())
                .doesNotContain("no REPORT"); // a failed init ends the invocation: nothing more is waited for
    }

    @Test
    void aWrongHandlerIsToldWhenLocalModeStarts() throws Exception {
        Path taskRoot = Files.createDirectories(temp.resolve("empty-task-root"));
        LocalEmulator emulator = LocalEmulator.start("wrong-handler", taskRoot, "com.example.Missing", Map.of(), List.of(), temp);
        emulators.add(emulator);

        emulator.process.awaitStdout("Invoke endpoint", LocalEmulator.WAIT);
        assertThat(emulator.process.stderr()).contains("[runway local] The function's init will fail: Class not found:"
                + " com.example.Missing (searched the task root " + taskRoot.toAbsolutePath() + " and the jars of "
                + taskRoot.resolve("lib").toAbsolutePath() + " (none)", "--task-root");
        // And init gives the same message.
        assertThat(emulator.invoke("{}").body()).contains("Class not found: com.example.Missing (searched the task root "
                + taskRoot.toAbsolutePath());
    }

    @Test
    void watchStartsAFreshEnvironmentWhenAClassChanges() throws Exception {
        Path taskRoot = Files.createDirectories(temp.resolve("watched"));
        compileGreeter(taskRoot, "first version");
        LocalEmulator emulator = LocalEmulator.start("watch", taskRoot, "watch.Greeter", Map.of(), List.of("--watch"), temp);
        emulators.add(emulator);
        emulator.process.awaitStdout("[runway local] Watching " + taskRoot.toAbsolutePath(), LocalEmulator.WAIT);

        assertThat(emulator.invoke("{}").body()).isEqualTo("\"first version\"");
        compileGreeter(taskRoot, "second version");
        emulator.process.awaitStdout("watch/Greeter.class changed: a fresh environment", LocalEmulator.WAIT);

        assertThat(emulator.invoke("{}").body()).isEqualTo("\"second version\"");
        // A new init: two cold starts, each with its Init Duration.
        String out = emulator.process.awaitStdout("END RequestId", LocalEmulator.WAIT);
        assertThat(out.split("Init Duration: ", -1)).hasSizeGreaterThanOrEqualTo(2);
    }

    /** Compiles a handler answering {@code answer} into the task root, as a developer's build would. */
    private void compileGreeter(Path taskRoot, String answer) throws Exception {
        Path sources = Files.createDirectories(temp.resolve("src-" + answer.replace(' ', '-')).resolve("watch"));
        Path source = Files.writeString(sources.resolve("Greeter.java"), """
                package watch;
                public class Greeter implements com.amazonaws.services.lambda.runtime.RequestHandler<Object, String> {
                    @Override
                    public String handleRequest(Object event, com.amazonaws.services.lambda.runtime.Context context) {
                        return "%s";
                    }
                }
                """.formatted(answer));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "--release", "21", "-cp", coreJar(), "-d", taskRoot.toString(),
                source.toString());
        assertThat(status).isZero();
    }

    private static String coreJar() throws URISyntaxException {
        return new File(RequestHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
