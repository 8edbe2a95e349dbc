package dev.runway.ric.internal.api;

import dev.runway.wire.internal.http.Connector;
import dev.runway.wire.internal.http.HostPort;
import dev.runway.wire.internal.http.Http1Connection;
import dev.runway.wire.internal.http.KnownFields;
import dev.runway.wire.internal.http.RequestHead;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

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
    private final KnownFields fields = ResponseHeader.sink();
    private final Http1Connection connection;
    private final byte[] nextRequest;
    private final RequestHead head = new RequestHead();

    private RuntimeApiClient(String hostAndPort, InetSocketAddress address) {
        this.hostAndPort = hostAndPort;
        this.connection = new Http1Connection(Connector.socket(address), fields);
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
        return new RuntimeApiClient(hostAndPort, parseAddress(hostAndPort).resolve());
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
        String requestId = ResponseHeader.REQUEST_ID.in(fields);
        if (requestId == null || requestId.isEmpty()) {
            throw new RuntimeApiException("invocation/next answered without Lambda-Runtime-Aws-Request-Id", status, body);
        }
        return new Invocation(
                requestId,
                parseDeadline(ResponseHeader.DEADLINE_MS.in(fields)),
                ResponseHeader.FUNCTION_ARN.in(fields),
                emptyToNull(ResponseHeader.TRACE_ID.in(fields)),
                emptyToNull(ResponseHeader.CLIENT_CONTEXT.in(fields)),
                emptyToNull(ResponseHeader.COGNITO_IDENTITY.in(fields)),
                emptyToNull(ResponseHeader.TENANT_ID.in(fields)),
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
        head.end();
        try {
            connection.startChunked(head.bytes(), head.length());
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
        head.end();
        byte[] body = call("restore/next", head.bytes(), head.length(), null, 0, false);
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
        byte[] answer = call(operation, head.bytes(), head.length(), body, length, true);
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
        head.start(method, PREFIX, path);
        appendHeader("Host", hostAndPort);
        appendHeader("User-Agent", USER_AGENT);
    }

    private void endHead(int contentLength) {
        appendHeader("Content-Length", Integer.toString(contentLength));
        head.end();
    }

    private void appendHeader(String name, String value) {
        head.field(name, value);
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

    static HostPort parseAddress(String hostAndPort) {
        return HostPort.parse(hostAndPort, "AWS_LAMBDA_RUNTIME_API");
    }
}
