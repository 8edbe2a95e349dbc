package dev.runway.bootstrap.training;

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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The Runtime API the training run's runtime talks to: loopback only, one connection at a time (the training
 * runtime runs one loop). It hands out the training events in order, collects what the runtime posts back, and
 * once the events are used up answers {@code /next} with 500, which ends the runtime's loop: the runtime exits and
 * its JVM writes the AOT cache.
 */
final class TrainingRuntimeApi implements Closeable {

    private static final String NEXT = "/2018-06-01/runtime/invocation/next";

    /** What the runtime posted: a response, an invocation error, or an init error. */
    record Outcome(String path, byte[] body) {
        boolean isError() {
            return path.endsWith("/error");
        }

        boolean isInitError() {
            return path.endsWith("/init/error");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final ServerSocket server;
    private final Deque<byte[]> events;
    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    private int served;

    TrainingRuntimeApi(List<byte[]> events) throws IOException {
        this.events = new ArrayDeque<>(events);
        this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "runway-train-runtime-api");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** @return the value for {@code AWS_LAMBDA_RUNTIME_API} */
    String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** @return the outcomes in the order they were posted */
    BlockingQueue<Outcome> outcomes() {
        return outcomes;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                serve(socket);
            } catch (IOException e) {
                // the runtime closed its connection, or this server was closed: accept the next one
            }
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
                synchronized (this) {
                    event = events.pollFirst();
                }
                if (event == null) {
                    write(out, 500, "{\"errorMessage\":\"training is over\",\"errorType\":\"TrainingOver\"}"
                            .getBytes(StandardCharsets.UTF_8), "");
                    return;
                }
                served++;
                String id = "runway-training-" + served;
                String headers = "Lambda-Runtime-Aws-Request-Id: " + id + "\r\n"
                        + "Lambda-Runtime-Deadline-Ms: " + (System.currentTimeMillis() + 300_000) + "\r\n"
                        + "Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:000000000000:function:"
                        + "runway-training\r\n"
                        + "Lambda-Runtime-Trace-Id: Root=1-00000000-000000000000000000000000;Sampled=0\r\n";
                write(out, 200, event, headers);
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
    }
}
