package dev.runway.ric.internal.api;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The Runtime API ({@code 2018-06-01}) over one keep-alive connection: {@code invocation/next},
 * {@code invocation/{id}/response}, {@code invocation/{id}/error} and {@code init/error}.
 *
 * <p>A connection dropped before the status line of the answer is reopened and the call retried, a bounded
 * number of times with a growing pause; then {@link RuntimeApiUnavailableException} says the platform is gone.
 * Once a status line was received, the platform has taken the request: a post is never sent again (its status
 * is the answer), and {@code next} is never called again after a partly read event (the platform handed that
 * event to this runtime, and a second {@code next} could only be refused). Requests never time out on read: the
 * platform answers {@code /next} only when it has an event.
 *
 * <p>Not thread-safe: each invocation loop owns one client, and so one connection.
 */
public final class RuntimeApiClient implements Closeable {

    /** How often a call is tried before the platform is declared unreachable. */
    static final int MAX_ATTEMPTS = 6;
    private static final long FIRST_RETRY_PAUSE_MS = 50;
    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final String USER_AGENT = "runway/" + Version.VALUE;
    private static final byte[] NO_BODY = new byte[0];

    private final String hostAndPort;
    private final HttpConnection connection;
    private final byte[] nextRequest;
    private byte[] head = new byte[1024];
    private int headLength;

    private RuntimeApiClient(String hostAndPort, InetSocketAddress address) {
        this.hostAndPort = hostAndPort;
        this.connection = new HttpConnection(address);
        this.nextRequest = ("GET " + PREFIX + "invocation/next HTTP/1.1\r\nHost: " + hostAndPort
                        + "\r\nUser-Agent: " + USER_AGENT + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Creates a client; the connection opens on the first call.
     *
     * @param hostAndPort the value of {@code AWS_LAMBDA_RUNTIME_API}, such as {@code 127.0.0.1:9001} or {@code [::1]:9001}
     * @return the client
     * @throws IllegalArgumentException when the address is not {@code host:port}
     */
    public static RuntimeApiClient create(String hostAndPort) {
        return new RuntimeApiClient(hostAndPort, parseAddress(hostAndPort));
    }

    /** @return the {@code host:port} this client talks to */
    public String address() {
        return hostAndPort;
    }

    /**
     * Waits for the next event.
     *
     * @return the event
     * @throws RuntimeApiException when the platform refuses the call (after an {@code init/error}, for example)
     * @throws RuntimeApiUnavailableException when the platform cannot be reached
     */
    public Invocation next() {
        byte[] body = call("invocation/next", nextRequest, nextRequest.length, null, 0, false);
        int status = connection.status();
        if (status != 200) {
            throw new RuntimeApiException("invocation/next", status, body);
        }
        String requestId = connection.header(ResponseHeader.REQUEST_ID);
        if (requestId == null || requestId.isEmpty()) {
            throw new RuntimeApiException("invocation/next answered without Lambda-Runtime-Aws-Request-Id", status, body);
        }
        return new Invocation(
                requestId,
                parseDeadline(connection.header(ResponseHeader.DEADLINE_MS)),
                connection.header(ResponseHeader.FUNCTION_ARN),
                emptyToNull(connection.header(ResponseHeader.TRACE_ID)),
                emptyToNull(connection.header(ResponseHeader.CLIENT_CONTEXT)),
                emptyToNull(connection.header(ResponseHeader.COGNITO_IDENTITY)),
                emptyToNull(connection.header(ResponseHeader.TENANT_ID)),
                body);
    }

    /**
     * Posts a handler's response.
     *
     * @param requestId the invocation's id, verbatim
     * @param payload the bytes; the first {@code length} are sent
     * @param length the payload size
     * @return the platform's answer: 202 when it took the response
     */
    public PostResult postResponse(String requestId, byte[] payload, int length) {
        startHead("POST", "invocation/" + requestId + "/response");
        // The managed runtime labels every buffered response JSON; Lambda Managed Instances pass it on.
        appendHeader("Content-Type", "application/json");
        endHead(length);
        return post("invocation/response", payload, length);
    }

    /**
     * Starts a streamed response: the head now, the body as chunks, errors as trailers. Nothing is retried: bytes
     * already streamed cannot be sent again.
     *
     * @param requestId the invocation's id, verbatim
     * @param contentType the response's content type
     * @return the open stream
     * @throws RuntimeApiUnavailableException when the head cannot be sent
     */
    public StreamingPost startStreamingResponse(String requestId, String contentType) {
        startHead("POST", "invocation/" + requestId + "/response");
        appendHeader("Lambda-Runtime-Function-Response-Mode", "streaming");
        appendHeader("Content-Type", contentType);
        appendHeader("Transfer-Encoding", "chunked");
        appendHeader("Trailer", "Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body");
        appendRaw("\r\n");
        try {
            connection.startChunked(head, headLength);
        } catch (IOException e) {
            throw new RuntimeApiUnavailableException("invocation/response (streaming)", hostAndPort, 1, e);
        }
        return new StreamingPost(connection, hostAndPort);
    }

    /**
     * Posts an invocation error.
     *
     * @param requestId the invocation's id, verbatim
     * @param error the report
     * @return the platform's answer: 202 when it took the error
     */
    public PostResult postError(String requestId, ErrorPost error) {
        startHead("POST", "invocation/" + requestId + "/error");
        errorHeaders(error);
        endHead(error.body().length);
        return post("invocation/error", error.body(), error.body().length);
    }

    /**
     * Tells the platform that init, before-checkpoint hooks included, is done, and waits for the restore
     * ({@code GET /runtime/restore/next}): on SnapStart the snapshot is taken while this call is open, and it returns
     * in each environment restored from it.
     *
     * @throws RuntimeApiException when the platform refuses the call
     */
    public void restoreNext() {
        startHead("GET", "restore/next");
        appendRaw("\r\n");
        byte[] body = call("restore/next", head, headLength, null, 0, false);
        if (connection.status() != 200) {
            throw new RuntimeApiException("restore/next", connection.status(), body);
        }
    }

    /**
     * Posts a failure of the after-restore hooks. The process must exit afterwards.
     *
     * @param error the report
     * @return the platform's answer: 202 when it took the error
     */
    public PostResult postRestoreError(ErrorPost error) {
        startHead("POST", "restore/error");
        errorHeaders(error);
        endHead(error.body().length);
        return post("restore/error", error.body(), error.body().length);
    }

    /**
     * Posts an init error. The platform accepts no further call afterwards: the process must exit.
     *
     * @param error the report
     * @return the platform's answer: 202 when it took the error
     */
    public PostResult postInitError(ErrorPost error) {
        startHead("POST", "init/error");
        errorHeaders(error);
        endHead(error.body().length);
        return post("init/error", error.body(), error.body().length);
    }

    @Override
    public void close() {
        connection.close();
    }

    private PostResult post(String operation, byte[] body, int length) {
        byte[] answer = call(operation, head, headLength, body, length, true);
        return new PostResult(connection.status(), answer);
    }

    /**
     * Sends a request, reopening the connection and retrying while the connection fails before an answer began.
     *
     * @param isPost whether a status line without the rest of the answer still counts as the answer
     */
    private byte[] call(String operation, byte[] request, int requestLength, byte[] body, int bodyLength,
            boolean isPost) {
        IOException last = null;
        long pause = FIRST_RETRY_PAUSE_MS;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return connection.exchange(request, requestLength, body, bodyLength);
            } catch (IOException e) {
                last = e;
                if (connection.statusReceived()) {
                    if (isPost) {
                        return NO_BODY; // the platform answered; only the rest of its answer was lost
                    }
                    throw new RuntimeApiUnavailableException(operation + " (the answer broke off)", hostAndPort,
                            attempt, e);
                }
            }
            if (attempt < MAX_ATTEMPTS) {
                sleep(pause);
                pause *= 2;
            }
        }
        throw new RuntimeApiUnavailableException(operation, hostAndPort, MAX_ATTEMPTS, last);
    }

    private void errorHeaders(ErrorPost error) {
        appendHeader("Lambda-Runtime-Function-Error-Type", error.errorType());
        appendHeader("Content-Type", "application/json");
        if (error.xrayCause() != null) {
            appendHeader("Lambda-Runtime-Function-XRay-Error-Cause", error.xrayCause());
        }
    }

    private void startHead(String method, String path) {
        headLength = 0;
        appendRaw(method);
        appendRaw(" ");
        appendRaw(PREFIX);
        appendValue(path);
        appendRaw(" HTTP/1.1\r\n");
        appendHeader("Host", hostAndPort);
        appendHeader("User-Agent", USER_AGENT);
    }

    private void endHead(int contentLength) {
        appendHeader("Content-Length", Integer.toString(contentLength));
        appendRaw("\r\n");
    }

    private void appendHeader(String name, String value) {
        appendRaw(name);
        appendRaw(": ");
        appendValue(value);
        appendRaw("\r\n");
    }

    private void appendRaw(String s) {
        ensureHeadRoom(s.length());
        for (int i = 0; i < s.length(); i++) {
            head[headLength++] = (byte) s.charAt(i);
        }
    }

    /** Appends a value; anything but printable ASCII becomes '?', so a value can never split the head. */
    private void appendValue(String s) {
        ensureHeadRoom(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            head[headLength++] = c >= 0x20 && c < 0x7f ? (byte) c : (byte) '?';
        }
    }

    private void ensureHeadRoom(int n) {
        if (headLength + n > head.length) {
            head = Arrays.copyOf(head, Math.max(head.length * 2, headLength + n));
        }
    }

    private static long parseDeadline(String value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeApiUnavailableException("retry", "", 0, null);
        }
    }

    static InetSocketAddress parseAddress(String hostAndPort) {
        if (hostAndPort == null || hostAndPort.isBlank()) {
            throw new IllegalArgumentException("AWS_LAMBDA_RUNTIME_API is not set");
        }
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostAndPort.length() - 1) {
            throw new IllegalArgumentException("AWS_LAMBDA_RUNTIME_API must be host:port, got '" + hostAndPort + "'");
        }
        String host = hostAndPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(hostAndPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("AWS_LAMBDA_RUNTIME_API has a bad port: '" + hostAndPort + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("AWS_LAMBDA_RUNTIME_API has a bad port: '" + hostAndPort + "'");
        }
        // Resolved now, once: a Runtime API address is a literal IP or a local name.
        return new InetSocketAddress(host, port);
    }
}
