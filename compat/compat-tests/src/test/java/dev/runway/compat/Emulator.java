package dev.runway.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Runtime Interface Emulator ({@code RUNWAY_RIE}) running one function: {@code aws-lambda-rie <bootstrap>
 * <handler>} on free loopback ports, in the task root, with Lambda's environment and nothing of the test's own JVM
 * settings. Its output (the RIE's and the function's) goes to a file; {@link #close()} ends the process tree.
 */
final class Emulator implements AutoCloseable {

    /** A watchdog for one invocation (a cold start of a framework included), not a timing assertion. */
    private static final Duration WATCHDOG = Duration.ofMinutes(3);

    private final Process process;
    private final Path log;
    private final URI invocations;
    private final HttpClient http = HttpClient.newHttpClient();

    private Emulator(Process process, Path log, URI invocations) {
        this.process = process;
        this.log = log;
        this.invocations = invocations;
    }

    /** @return the RIE binary, from {@code RUNWAY_RIE}: the suite needs it, so its absence fails, never skips */
    static Path rie() {
        String configured = System.getenv("RUNWAY_RIE");
        if (configured == null || configured.isBlank() || !Files.isExecutable(Path.of(configured))) {
            throw new AssertionError("RUNWAY_RIE must name the aws-lambda-rie binary (.ci/run installs it): "
                    + configured);
        }
        return Path.of(configured);
    }

    /**
     * Starts the RIE on a function.
     *
     * @param runtime what serves it
     * @param taskRoot the function's task root
     * @param handler the handler string
     * @param environment variables beyond Lambda's own (the function's configuration)
     * @param name a name for its log file
     */
    static Emulator start(Runtime runtime, Path taskRoot, String handler, Map<String, String> environment,
            String name) {
        int invokePort = Compat.freePort();
        int apiPort = Compat.freePort();
        Path log = Compat.directory("logs").resolve(name + "-" + runtime.name().toLowerCase() + ".log");
        List<String> command = new ArrayList<>(List.of(rie().toString(),
                "--runtime-interface-emulator-address", "127.0.0.1:" + invokePort,
                "--runtime-api-address", "127.0.0.1:" + apiPort,
                runtime.bootstrap().toString(), handler));
        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        Map<String, String> kept = new HashMap<>();
        for (String key : List.of("PATH", "HOME", "LANG")) {
            if (System.getenv(key) != null) {
                kept.put(key, System.getenv(key));
            }
        }
        env.clear();
        env.putAll(kept);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_LAMBDA_FUNCTION_TIMEOUT", "120");
        env.put("TZ", ":UTC");
        env.putAll(environment);
        try {
            Emulator emulator = new Emulator(builder.start(), log,
                    URI.create("http://127.0.0.1:" + invokePort + "/2015-03-31/functions/function/invocations"));
            emulator.awaitListening(invokePort);
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the answer's body; fails on a status other than 200 */
    String invoke(String event) {
        return invoke(event, null).body();
    }

    /**
     * Invokes the function once.
     *
     * @param event the event's JSON
     * @param clientContext the client context's JSON, or null
     * @return the RIE's answer
     */
    HttpResponse<String> invoke(String event, String clientContext) {
        HttpRequest.Builder request = HttpRequest.newBuilder(invocations).timeout(WATCHDOG)
                .POST(HttpRequest.BodyPublishers.ofString(event));
        if (clientContext != null) {
            request.header("X-Amz-Client-Context",
                    Base64.getEncoder().encodeToString(clientContext.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("status " + response.statusCode() + ": " + response.body() + "\n" + log());
            }
            return response;
        } catch (IOException e) {
            throw new AssertionError("invoke failed: " + e + "\n" + log(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** @return everything the RIE and the function printed so far */
    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private void awaitListening(int port) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the RIE exited: " + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        throw new AssertionError("the RIE does not listen on " + port + "\n" + log());
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
