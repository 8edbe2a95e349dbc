package dev.runway.bootstrap.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bootstrap} in local mode, as a process: the embedded platform on free loopback ports, the function's
 * runtime its child. {@link #close()} stops it with SIGTERM, as Ctrl-C would, then kills what is left.
 */
final class LocalEmulator implements AutoCloseable {

    /** A bound on every wait, never a measure of speed. */
    static final Duration WAIT = Duration.ofSeconds(120);

    final RunningProcess process;
    final int port;
    final URI invocations;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private LocalEmulator(RunningProcess process, int port) {
        this.process = process;
        this.port = port;
        this.invocations = URI.create("http://127.0.0.1:" + port + "/2015-03-31/functions/function/invocations");
    }

    /**
     * Starts {@code bootstrap --port <free> [extra args] <handler>} in the task root, without
     * {@code AWS_LAMBDA_RUNTIME_API}, and waits until the invoke endpoint listens.
     */
    static LocalEmulator start(String name, Path taskRoot, String handler, Map<String, String> extraEnvironment,
            List<String> extraArguments, Path logDirectory) throws IOException {
        int port = freePort();
        Map<String, String> env = RunningProcess.baseEnvironment();
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.putAll(extraEnvironment);
        List<String> command = new ArrayList<>(List.of(Distribution.bootstrap().toAbsolutePath().toString(),
                "--port", Integer.toString(port)));
        if (!extraArguments.contains("--extensions")) {
            command.add("--no-extensions");
        }
        command.addAll(extraArguments);
        command.add(handler);
        RunningProcess process = RunningProcess.start(name, command, env, taskRoot, logDirectory);
        LocalEmulator emulator = new LocalEmulator(process, port);
        try {
            process.awaitListening(port, Duration.ofSeconds(60));
        } catch (RuntimeException | Error e) {
            process.close();
            throw e;
        }
        return emulator;
    }

    HttpResponse<String> invoke(String event) throws IOException, InterruptedException {
        return invoke(event, Map.of());
    }

    HttpResponse<String> invoke(String event, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(invocations).timeout(WAIT)
                .POST(HttpRequest.BodyPublishers.ofString(event));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends SIGTERM, as Ctrl-C or {@code docker stop} would, and waits for the exit. */
    int terminate() {
        process.signalTerminate();
        return process.exitStatus(WAIT);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
