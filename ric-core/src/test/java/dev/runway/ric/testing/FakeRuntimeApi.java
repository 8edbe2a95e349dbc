package dev.runway.ric.testing;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scriptable Lambda Runtime API ({@code 2018-06-01}) on a real loopback socket, in the spirit of OkHttp's
 * MockWebServer: a test {@linkplain #enqueue enqueues} events, runs a runtime against {@link #address()}, and
 * {@linkplain #takePost takes} what the runtime posted back.
 *
 * <p>It behaves like the platform where a runtime can tell: {@code /next} blocks until an event is queued;
 * {@code /response} and {@code /error} answer 202, 400 {@code InvalidRequestID} for an unknown id and 403
 * {@code InvalidStateTransition} for a second post; after {@code /init/error}, {@code /next} answers 403.
 * Faults are scripted with {@link #dropNextConnection()}, {@link #replyToNextPost} and {@link #inject}, which
 * breaks the connection or the answer at a chosen point of the next {@code /next} or post. Closing answers every
 * blocked {@code /next} with 500, so a runtime under test ends its loop at once.
 *
 * <p>Thread-safe; each connection is served on its own thread, so concurrent loops work.
 */
public final class FakeRuntimeApi implements Closeable {

    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final Event CLOSED = new Event("closed", new byte[0], Map.of());

    private final ServerSocket server;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<RecordedPost> posts = new LinkedBlockingQueue<>();
    private final Map<String, Boolean> answered = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Reply> scriptedReplies = new ConcurrentLinkedQueue<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger dropsPending = new AtomicInteger();
    private final AtomicInteger nextCalls = new AtomicInteger();
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final AtomicInteger closedAnswers = new AtomicInteger();
    private final AtomicInteger restoreCalls = new AtomicInteger();
    private final ConcurrentLinkedQueue<Fault> nextFaults = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Fault> postFaults = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> acceptedPosts = new ConcurrentHashMap<>();
    private final AtomicInteger deliveries = new AtomicInteger();
    private final Map<String, AtomicInteger> postAttempts = new ConcurrentHashMap<>();
    private volatile java.util.function.Consumer<byte[]> chunkListener = chunk -> {};
    private volatile boolean initFailed;
    private volatile boolean closed;

    private FakeRuntimeApi(ServerSocket server) {
        this.server = server;
        Thread acceptor = new Thread(this::acceptLoop, "fake-runtime-api-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Starts a server on a free loopback port.
     *
     * @return the running server
     * @throws IOException when no port can be bound
     */
    public static FakeRuntimeApi start() throws IOException {
        return new FakeRuntimeApi(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    /** @return the value for {@code AWS_LAMBDA_RUNTIME_API} */
    public String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /**
     * Queues an event with a fresh request id and a deadline 30 s away.
     *
     * @param payload the event JSON
     * @return the event, to match against posts
     */
    public Event enqueue(String payload) {
        return enqueue(Event.of(payload));
    }

    /**
     * Queues an event.
     *
     * @param event the event and its headers
     * @return the event
     */
    public Event enqueue(Event event) {
        events.add(event);
        return event;
    }

    /**
     * Waits for the next post of the runtime ({@code /response}, {@code /error} or {@code /init/error}).
     *
     * @param timeout how long to wait at most; this bounds a hung test, it asserts nothing about speed
     * @return the post
     * @throws AssertionError when nothing was posted in time
     */
    public RecordedPost takePost(Duration timeout) throws InterruptedException {
        RecordedPost post = posts.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (post == null) {
            throw new AssertionError("the runtime posted nothing within " + timeout);
        }
        return post;
    }

    /** @return the next post within 30 seconds */
    public RecordedPost takePost() throws InterruptedException {
        return takePost(Duration.ofSeconds(30));
    }

    /** @return posts received but not yet taken */
    public List<RecordedPost> pendingPosts() {
        return new ArrayList<>(posts);
    }

    /** Makes the next request of any kind lose its connection before an answer is sent. */
    public void dropNextConnection() {
        dropsPending.incrementAndGet();
    }

    /**
     * Makes the next {@code /response} or {@code /error} get this answer instead of 202; the post is still
     * recorded, and the id stays open for another post.
     *
     * @param status the HTTP status
     * @param body the JSON body
     */
    public void replyToNextPost(int status, String body) {
        scriptedReplies.add(new Reply(status, body));
    }

    /**
     * A way the platform's side of an exchange can break. The {@code /next} faults apply to the next
     * {@code invocation/next} (one already waiting for an event included, for the faults that hand out none), the
     * post faults to the next {@code /response} or {@code /error}.
     */
    public enum Fault {
        /** {@code /next}: the connection closes once the request was read, before any answer. */
        NEXT_DROP_AFTER_REQUEST,
        /** {@code /next}: the status line and part of the headers, then the connection closes. */
        NEXT_DROP_MID_HEAD,
        /** {@code /next}: the head and half the event, then the connection closes (the event is handed out). */
        NEXT_DROP_MID_BODY,
        /** {@code /next}: 500, as a platform in trouble answers. */
        NEXT_500,
        /** {@code /next}: 403, as the platform answers a runtime it no longer serves. */
        NEXT_403,
        /** {@code /next}: the whole answer, one byte every few milliseconds. */
        NEXT_SLOW_DRIP,
        /** {@code /next}: a {@code Content-Length} of 2 GB, then the connection closes after a few bytes. */
        NEXT_WRONG_CONTENT_LENGTH,
        /** Post: read, then the connection closes without an answer (the runtime may post again). */
        POST_DROP_AFTER_READ,
        /** Post: read and taken (202), but the connection closes after the status line. */
        POST_DROP_AFTER_STATUS,
        /** Post: the connection is reset (RST) while the runtime waits for the answer. */
        POST_RESET,
        /** {@code /error}: 400, as a platform answers a request head it will not take. */
        ERROR_400,
        /** {@code /error}: 413, as a platform answers a report too large. */
        ERROR_413;

        boolean onNext() {
            return name().startsWith("NEXT_");
        }

        /** Whether the fault answers {@code /next} without handing out an event. */
        boolean withoutEvent() {
            return this == NEXT_DROP_AFTER_REQUEST || this == NEXT_500 || this == NEXT_403;
        }
    }

    /**
     * Scripts a fault for the next exchange it applies to (see {@link Fault}); faults of a kind apply in order.
     *
     * @param fault how the exchange breaks
     */
    public void inject(Fault fault) {
        (fault.onNext() ? nextFaults : postFaults).add(fault);
    }

    /**
     * @param requestId an event's id
     * @return how many terminal posts (202) the platform took for it: exactly one for an invocation that ended
     */
    public int acceptedPosts(String requestId) {
        AtomicInteger n = acceptedPosts.get(requestId);
        return n == null ? 0 : n.get();
    }

    /**
     * @param requestId an event's id
     * @return how many posts (of any outcome) arrived for it
     */
    public int postAttempts(String requestId) {
        AtomicInteger n = postAttempts.get(requestId);
        return n == null ? 0 : n.get();
    }

    /** @return how many events were handed out, whole or in part */
    public int deliveries() {
        return deliveries.get();
    }

    /**
     * Sees every chunk of a streamed ({@code chunked}) post the moment it arrives, before the post is complete.
     *
     * @param listener called on the connection's thread with each chunk
     */
    public void onChunk(java.util.function.Consumer<byte[]> listener) {
        chunkListener = listener;
    }

    /** @return how many {@code /restore/next} calls arrived (SnapStart) */
    public int restoreCalls() {
        return restoreCalls.get();
    }

    /** @return how many {@code /next} calls arrived */
    public int nextCalls() {
        return nextCalls.get();
    }

    /** @return how many connections the runtime opened */
    public int connectionCount() {
        return connectionCount.get();
    }

    @Override
    public void close() {
        closed = true;
        for (int i = 0; i < 64; i++) {
            events.add(CLOSED);
        }
        // A runtime still connected is blocked in /next or on its way there: let it receive its 500, so it stops
        // at once instead of retrying a vanished server. Bounded: a stuck connection is closed regardless.
        long giveUp = System.nanoTime() + 2_000_000_000L;
        while (closedAnswers.get() == 0 && !connections.isEmpty() && System.nanoTime() < giveUp) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                connections.add(socket);
                connectionCount.incrementAndGet();
                Thread t = new Thread(() -> serve(socket), "fake-runtime-api-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            HttpRequestReader reader = new HttpRequestReader(socket.getInputStream(), chunk -> chunkListener.accept(chunk));
            OutputStream out = socket.getOutputStream();
            HttpRequestReader.Request request;
            while ((request = reader.read()) != null) {
                if (dropsPending.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    return;
                }
                if (!answer(request, socket, out)) {
                    return;
                }
            }
        } catch (IOException e) {
            // the runtime went away or the server closed: nothing to serve
        } finally {
            connections.remove(socket);
        }
    }

    /** @return whether the connection stays open */
    private boolean answer(HttpRequestReader.Request request, Socket socket, OutputStream out) throws IOException {
        String path = request.path();
        if (request.method().equals("GET") && path.equals(PREFIX + "invocation/next")) {
            return answerNext(socket, out);
        }
        if (request.method().equals("GET") && path.equals(PREFIX + "restore/next")) {
            // The snapshot would be taken now; the restore is immediate.
            restoreCalls.incrementAndGet();
            write(out, 200, Map.of(), "");
            return true;
        }
        if (request.method().equals("POST") && path.equals(PREFIX + "restore/error")) {
            posts.add(new RecordedPost(RecordedPost.Kind.RESTORE_ERROR, null, request.headers(), request.body()));
            write(out, 202, Map.of(), "{\"status\":\"OK\"}");
            return true;
        }
        if (request.method().equals("POST") && path.equals(PREFIX + "init/error")) {
            initFailed = true;
            posts.add(new RecordedPost(RecordedPost.Kind.INIT_ERROR, null, request.headers(), request.body()));
            write(out, 202, Map.of(), "{\"status\":\"OK\"}");
            return true;
        }
        if (request.method().equals("POST") && path.startsWith(PREFIX + "invocation/")) {
            String rest = path.substring((PREFIX + "invocation/").length());
            int slash = rest.indexOf('/');
            if (slash > 0) {
                String id = rest.substring(0, slash);
                String what = rest.substring(slash + 1);
                if (what.equals("response") || what.equals("error")) {
                    return answerPost(id, what.equals("response") ? RecordedPost.Kind.RESPONSE : RecordedPost.Kind.ERROR,
                            request, socket, out);
                }
            }
        }
        write(out, 404, Map.of(), "{\"errorMessage\":\"Not found\",\"errorType\":\"NotFound\"}");
        return true;
    }

    /** Answers {@code /next} with a fault that hands out no event; returns whether the connection stays open. */
    private boolean answerWithoutEvent(Fault fault, OutputStream out) throws IOException {
        switch (fault) {
            case NEXT_500 -> write(out, 500, Map.of(),
                    "{\"errorMessage\":\"injected\",\"errorType\":\"ServiceException\"}");
            case NEXT_403 -> write(out, 403, Map.of(),
                    "{\"errorMessage\":\"injected\",\"errorType\":\"InvalidStateTransition\"}");
            default -> {
                return false; // NEXT_DROP_AFTER_REQUEST
            }
        }
        return true;
    }

    private boolean answerNext(Socket socket, OutputStream out) throws IOException {
        nextCalls.incrementAndGet();
        Fault fault = nextFaults.poll();
        if (fault != null && fault.withoutEvent()) {
            return answerWithoutEvent(fault, out);
        }
        if (initFailed) {
            write(out, 403, Map.of(), "{\"errorMessage\":\"State transition from InitError to Ready failed\","
                    + "\"errorType\":\"InvalidStateTransition\"}");
            return true;
        }
        Event event;
        try {
            // A request already waiting takes a fault injected meanwhile too: with several loops, or a loop that
            // asked again before the test injected, "the next /next" is one that is already waiting.
            while ((event = events.poll(10, TimeUnit.MILLISECONDS)) == null) {
                Fault late = fault == null ? nextFaults.peek() : null;
                if (late != null && late.withoutEvent() && nextFaults.remove(late)) {
                    return answerWithoutEvent(late, out);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (event == CLOSED) {
            events.add(CLOSED);
            write(out, 500, Map.of(), "{\"errorMessage\":\"fake Runtime API closed\",\"errorType\":\"Closed\"}");
            closedAnswers.incrementAndGet();
            return false;
        }
        answered.putIfAbsent(event.requestId(), false);
        deliveries.incrementAndGet();
        Map<String, String> headers = new LinkedHashMap<>(event.headers());
        headers.put("Lambda-Runtime-Aws-Request-Id", event.requestId());
        headers.put("Content-Type", "application/json");
        if (fault == null) {
            write(out, 200, headers, event.payload());
            return true;
        }
        byte[] whole = response(200, headers, event.payload());
        int headEnd = indexOfHeadEnd(whole);
        switch (fault) {
            case NEXT_DROP_MID_HEAD -> {
                out.write(whole, 0, headEnd / 2);
                out.flush();
                return false;
            }
            case NEXT_DROP_MID_BODY -> {
                out.write(whole, 0, headEnd + event.payload().length / 2);
                out.flush();
                return false;
            }
            case NEXT_WRONG_CONTENT_LENGTH -> {
                String head = new String(whole, 0, headEnd, StandardCharsets.ISO_8859_1)
                        .replaceFirst("Content-Length: \\d+", "Content-Length: 2000000000");
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.write(event.payload());
                out.flush();
                return false;
            }
            case NEXT_SLOW_DRIP -> {
                for (byte b : whole) {
                    out.write(b);
                    out.flush();
                    sleepQuietly(1);
                }
                return true;
            }
            default -> throw new IllegalStateException("not a /next fault: " + fault);
        }
    }

    private static int indexOfHeadEnd(byte[] response) {
        for (int i = 0; i + 3 < response.length; i++) {
            if (response[i] == '\r' && response[i + 1] == '\n' && response[i + 2] == '\r' && response[i + 3] == '\n') {
                return i + 4;
            }
        }
        throw new IllegalStateException("no head");
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return whether the connection stays open */
    private boolean answerPost(String id, RecordedPost.Kind kind, HttpRequestReader.Request request, Socket socket,
            OutputStream out) throws IOException {
        postAttempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        Boolean done = answered.get(id);
        if (done == null) {
            write(out, 400, Map.of(), "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}");
            return true;
        }
        if (done) {
            write(out, 403, Map.of(), "{\"errorMessage\":\"State transition from RuntimeResponseSentState failed\","
                    + "\"errorType\":\"InvalidStateTransition\"}");
            return true;
        }
        // Counters first, the recording last: a test that took the post sees the counts that go with it.
        RecordedPost recorded = new RecordedPost(kind, id, request.headers(), request.body());
        Fault fault = postFaults.peek();
        if ((fault == Fault.ERROR_400 || fault == Fault.ERROR_413) && kind == RecordedPost.Kind.ERROR) {
            postFaults.poll();
            posts.add(recorded);
            write(out, fault == Fault.ERROR_400 ? 400 : 413, Map.of(),
                    "{\"errorMessage\":\"injected\",\"errorType\":\"InvalidRequest\"}");
            return true;
        }
        if (fault != null && fault != Fault.ERROR_400 && fault != Fault.ERROR_413) {
            postFaults.poll();
            switch (fault) {
                case POST_DROP_AFTER_READ -> {
                    posts.add(recorded);
                    return false;
                }
                case POST_RESET -> {
                    posts.add(recorded);
                    socket.setSoLinger(true, 0);
                    return false;
                }
                case POST_DROP_AFTER_STATUS -> {
                    answered.put(id, true);
                    acceptedPosts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                    posts.add(recorded);
                    out.write("HTTP/1.1 202 Accepted\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return false;
                }
                default -> throw new IllegalStateException("not a post fault: " + fault);
            }
        }
        Reply scripted = scriptedReplies.poll();
        if (scripted != null) {
            posts.add(recorded);
            write(out, scripted.status(), Map.of(), scripted.body());
            return true;
        }
        answered.put(id, true);
        acceptedPosts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        posts.add(recorded);
        write(out, 202, Map.of(), "{\"status\":\"OK\"}");
        return true;
    }

    private static void write(OutputStream out, int status, Map<String, String> headers, String body) throws IOException {
        write(out, status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(OutputStream out, int status, Map<String, String> headers, byte[] body) throws IOException {
        out.write(response(status, headers, body));
        out.flush();
    }

    private static byte[] response(int status, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 202 -> "Accepted";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 413 -> "Request Entity Too Large";
            default -> "Status";
        };
    }

    private record Reply(int status, String body) {}
}
