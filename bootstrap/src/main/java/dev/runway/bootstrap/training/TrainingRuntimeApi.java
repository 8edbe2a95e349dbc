package dev.runway.bootstrap.training;

import dev.runway.wire.internal.json.JsonText;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The Runtime API the training run's runtime talks to: loopback only, a thread per connection. It hands out the
 * training events in order, collects what the runtime posts back, and once the events are used up answers
 * {@code /next} with 500, which ends the runtime's loop: the runtime exits and its JVM writes the AOT cache.
 *
 * <p>It also answers the Extensions API as Lambda does for the bootstrap's own registration (the one that buys the
 * runtime a SIGTERM at shutdown): {@code register} succeeds and the parked {@code event/next} is held open until
 * the training ends. So the training takes the path of a start on Lambda, and the cache holds the classes of that
 * path; with a refused registration they would be loaded from the runtime's jars at every start.
 *
 * <p>Both trainings use it: {@code bootstrap --train} on the user's function, and the build's training of the
 * distribution's own cache on a sample.
 */
public final class TrainingRuntimeApi implements Closeable {

    private static final String NEXT = "/2018-06-01/runtime/invocation/next";
    private static final String EXTENSION = "/2020-01-01/extension/";

    /**
     * What the runtime posted: a response, an invocation error, or an init error.
     *
     * @param path the path it posted to
     * @param body what it posted
     */
    public record Outcome(String path, byte[] body) {
        /** @return whether it is an error, of an invocation or of the init */
        public boolean isError() {
            return path.endsWith("/error");
        }

        /** @return whether it is the init's error */
        public boolean isInitError() {
            return path.endsWith("/init/error");
        }

        /** @return the body, as UTF-8 text */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final ServerSocket server;
    private final Deque<byte[]> events;
    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final String handler;
    private int served;

    /**
     * @param events the training events, in order
     * @param handler the handler being trained, for the registration's answer
     * @throws IOException when no loopback port can be bound
     */
    public TrainingRuntimeApi(List<byte[]> events, String handler) throws IOException {
        this.events = new ArrayDeque<>(events);
        this.handler = handler;
        this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "runway-train-runtime-api");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the value for {@code AWS_LAMBDA_RUNTIME_API} */
    public String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** @return the outcomes in the order they were posted */
    public BlockingQueue<Outcome> outcomes() {
        return outcomes;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                Thread connection = new Thread(() -> serveAndClose(socket), "runway-train-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                // this server was closed, or one accept failed: the loop condition tells which
            }
        }
    }

    private void serveAndClose(Socket socket) {
        try (socket) {
            serve(socket);
        } catch (IOException e) {
            // the runtime closed its connection, or this server was closed
        } finally {
            connections.remove(socket);
        }
    }

    private void serve(Socket socket) throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        while (true) {
            String requestLine = line(in);
            if (requestLine == null) {
                return;
            }
            String[] parts = requestLine.split(" ");
            String method = parts[0];
            String path = parts.length > 1 ? parts[1] : "";
            byte[] body = body(in);
            if (method.equals("GET") && path.equals(NEXT)) {
                byte[] event;
                int number;
                synchronized (this) {
                    event = events.pollFirst();
                    number = ++served;
                }
                if (event == null) {
                    write(out, 500, "{\"errorMessage\":\"training is over\",\"errorType\":\"TrainingOver\"}"
                            .getBytes(StandardCharsets.UTF_8), "");
                    return;
                }
                String id = "runway-training-" + number;
                String headers = "Lambda-Runtime-Aws-Request-Id: " + id + "\r\n"
                        + "Lambda-Runtime-Deadline-Ms: " + (System.currentTimeMillis() + 300_000) + "\r\n"
                        + "Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:000000000000:function:"
                        + "runway-training\r\n"
                        + "Lambda-Runtime-Trace-Id: Root=1-00000000-000000000000000000000000;Sampled=0\r\n";
                write(out, 200, event, headers);
            } else if (method.equals("POST") && path.equals(EXTENSION + "register")) {
                StringBuilder answer = new StringBuilder(
                        "{\"functionName\":\"runway-training\",\"functionVersion\":\"$LATEST\",\"handler\":");
                JsonText.appendString(answer, handler, false);
                write(out, 200, answer.append('}').toString().getBytes(StandardCharsets.UTF_8),
                        "Lambda-Extension-Identifier: runway-training-extension\r\n");
            } else if (method.equals("GET") && path.equals(EXTENSION + "event/next")) {
                // Lambda holds a registered extension's next until there is an event for it; for one that asked
                // for none, that is never. The connection stays silent until the training ends.
                return;
            } else if (method.equals("POST") && path.startsWith("/2018-06-01/runtime/")) {
                outcomes.add(new Outcome(path, body));
                write(out, 202, "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8), "");
            } else {
                write(out, 404, "{\"errorMessage\":\"not served during training\",\"errorType\":\"NotFound\"}"
                        .getBytes(StandardCharsets.UTF_8), "");
            }
        }
    }

    /** Reads the headers and then the body, by Content-Length or chunked, as the runtime sends it. */
    private static byte[] body(InputStream in) throws IOException {
        long length = 0;
        boolean chunked = false;
        String header;
        while ((header = line(in)) != null && !header.isEmpty()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            while (true) {
                String size = line(in);
                if (size == null) {
                    break;
                }
                int semicolon = size.indexOf(';');
                int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (n == 0) {
                    while ((header = line(in)) != null && !header.isEmpty()) {
                        // trailers (a streamed error's type and body): not needed for training
                    }
                    break;
                }
                body.write(in.readNBytes(n));
                line(in);
            }
        } else if (length > 0) {
            body.write(in.readNBytes((int) length));
        }
        return body.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }

    private static void write(OutputStream out, int status, byte[] body, String headers) throws IOException {
        String head = "HTTP/1.1 " + status + (status < 300 ? " OK" : " Error") + "\r\n"
                + "Content-Type: application/json\r\n" + headers
                + "Content-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }
}
