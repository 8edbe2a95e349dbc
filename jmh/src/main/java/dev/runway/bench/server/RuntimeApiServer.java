package dev.runway.bench.server;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Runtime API ({@code 2018-06-01}) as the benchmarks need it: raw sockets, keep-alive, one platform thread per
 * connection, and next to no work per request, so that every client under test pays the same small server cost.
 *
 * <p>{@code GET /runtime/invocation/next} is answered from the current {@link Session} with the headers Lambda
 * sends (request id, deadline, function ARN, trace id); once the session is exhausted the request stays pending,
 * like a Lambda sandbox between invocations. {@code POST /invocation/{id}/response} is timed and answered
 * {@code 202}. An {@code /error} or {@code /init/error} post marks the session failed. Request ids end in the
 * invocation's index, so a response is matched to its event without any lookup.
 *
 * <p>Of the Extensions API ({@code 2020-01-01}) it serves what Runway's bootstrap asks on every start, as Lambda
 * answers it: the registration that buys the runtime a SIGTERM succeeds, and that extension's {@code event/next}
 * stays pending (it asked for no event), so the Runway clients start the way they start on Lambda.
 */
public final class RuntimeApiServer implements Closeable {

    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final String NEXT = PREFIX + "invocation/next";
    private static final String REGISTER = "/2020-01-01/extension/register";
    private static final String EXTENSION_NEXT = "/2020-01-01/extension/event/next";
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:bench";
    private static final String TRACE_ID = "Root=1-6740a6f1-0123456789abcdef01234567;Parent=0123456789abcdef;Sampled=0";
    /** Far enough ahead that no client ever sees its invocation as timed out. */
    private static final long DEADLINE_AHEAD_MS = 15 * 60 * 1000;
    private static final byte[] ACCEPTED = answer("202 Accepted", "{\"status\":\"OK\"}\n");
    private static final byte[] REFUSED = answer("500 Internal Server Error\r\nConnection: close",
            "{\"errorMessage\":\"training run over\",\"errorType\":\"Runtime.Bench\"}\n");
    private static final byte[] REGISTERED = answer("200 OK\r\nLambda-Extension-Identifier: bench-extension",
            "{\"functionName\":\"bench\",\"functionVersion\":\"$LATEST\",\"handler\":\"bench\"}\n");
    private static final byte[] NOT_FOUND = answer("404 Not Found",
            "{\"errorMessage\":\"unknown path\",\"errorType\":\"InvalidPath\"}\n");

    private final ServerSocket listener;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile Session session;
    private volatile boolean closed;

    private RuntimeApiServer(ServerSocket listener) {
        this.listener = listener;
    }

    /**
     * Starts a server on an ephemeral port of the loopback interface.
     *
     * @return the running server
     * @throws IOException when no port can be bound
     */
    public static RuntimeApiServer start() throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        RuntimeApiServer server = new RuntimeApiServer(listener);
        Thread.ofPlatform().daemon().name("runtime-api-accept").start(server::acceptLoop);
        return server;
    }

    /** @return the value for {@code AWS_LAMBDA_RUNTIME_API}, {@code 127.0.0.1:port} */
    public String address() {
        return listener.getInetAddress().getHostAddress() + ":" + listener.getLocalPort();
    }

    /**
     * Makes {@code next} the session every new {@code /next} is served from.
     *
     * @param next the session
     */
    public void serve(Session next) {
        this.session = next;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        for (Socket s : connections) {
            s.close();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = listener.accept();
                s.setTcpNoDelay(true);
                connections.add(s);
                Thread.ofPlatform().daemon().name("runtime-api-conn").start(() -> serveConnection(s));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("[bench server] accept failed: " + e);
                }
            }
        }
    }

    private void serveConnection(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            HttpRequest request = new HttpRequest(in, out);
            EventWriter events = new EventWriter(FUNCTION_ARN, TRACE_ID);
            while (request.read()) {
                if (!handle(request, events, out)) {
                    request.drainToEnd();
                    return;
                }
            }
        } catch (IOException e) {
            // The harness killed the client, or it hung up: either way this connection is done.
        } finally {
            connections.remove(socket);
        }
    }

    /** Answers one request; returns {@code false} when the connection must now stay silent until closed. */
    private boolean handle(HttpRequest request, EventWriter events, OutputStream out) throws IOException {
        Session current = session;
        String target = request.target();
        if (request.isGet() && target.equals(NEXT)) {
            int index = current == null ? -1 : current.claim();
            if (index < 0) {
                if (current != null && current.refuseWhenDone()) {
                    out.write(REFUSED);
                }
                return false;
            }
            // Timed before the write, not after: on a shared CPU the woken client may preempt this thread inside
            // write() and do its whole invocation before write() returns, which a later timestamp would miss.
            long sending = System.nanoTime();
            events.write(out, index, System.currentTimeMillis() + DEADLINE_AHEAD_MS, current.event());
            current.eventSent(index, sending);
            return true;
        }
        if (!request.isGet() && target.startsWith(PREFIX + "invocation/") && target.endsWith("/response")) {
            long now = System.nanoTime();
            if (current != null) {
                current.responded(EventWriter.indexOf(target, target.length() - "/response".length()), now,
                        request.body(), request.bodyLength());
            }
            out.write(ACCEPTED);
            return true;
        }
        if (!request.isGet() && (target.endsWith("/error"))) {
            if (current != null) {
                current.failed(target + ": " + new String(request.body(), 0, request.bodyLength(), StandardCharsets.UTF_8));
            }
            out.write(ACCEPTED);
            return true;
        }
        if (!request.isGet() && target.equals(REGISTER)) {
            out.write(REGISTERED);
            return true;
        }
        if (request.isGet() && target.equals(EXTENSION_NEXT)) {
            return false; // an extension registered for no event waits for ever, as on Lambda
        }
        if (current != null) {
            current.failed("unexpected request " + (request.isGet() ? "GET " : "POST ") + target);
        }
        out.write(NOT_FOUND);
        return true;
    }

    private static byte[] answer(String status, String json) {
        return ("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + json.length()
                        + "\r\n\r\n" + json)
                .getBytes(StandardCharsets.US_ASCII);
    }
}
