package dev.runway.ric.internal.loop;

import dev.runway.ric.InvocationListener;
import dev.runway.ric.ResponseStream;
import dev.runway.ric.internal.api.ErrorPost;
import dev.runway.ric.internal.api.Invocation;
import dev.runway.ric.internal.api.PostResult;
import dev.runway.ric.internal.api.RuntimeApiClient;
import dev.runway.ric.internal.api.RuntimeApiException;
import dev.runway.ric.internal.context.InvocationContext;
import dev.runway.ric.internal.env.LambdaEnvironment;
import dev.runway.ric.internal.error.ErrorReport;
import dev.runway.ric.internal.error.ErrorTypes;
import dev.runway.ric.internal.handler.FunctionHandler;
import dev.runway.ric.internal.logging.InvocationLogContext;

/**
 * One invocation loop: {@code next}, call the handler, post the response or the error, and again.
 *
 * <p>Every invocation ends in exactly one post: the handler's response, or an error report when the handler
 * threw, when the response is larger than the platform accepts, or when the platform refused the response.
 * A loop ends only when the platform is unreachable or refuses {@code next}, or after a
 * {@link VirtualMachineError} (reported first), since the JVM is then in no state to go on.
 */
public final class InvocationLoop implements Runnable {

    /** The largest response the platform accepts: 6 MiB plus 100 bytes of framing allowance, as the RIE checks. */
    public static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024 + 100;

    private final RuntimeApiClient client;
    private final FunctionHandler handler;
    private final LambdaEnvironment environment;
    private final TraceIdPublisher traceIds;
    private final InvocationLogContext logs;
    private final ResponseBuffer response = new ResponseBuffer(MAX_RESPONSE_BYTES);
    /** {@code null} when nothing listens: the loop then only tests a field. */
    private final InvocationListener listener;

    /**
     * @param client this loop's own connection
     * @param handler the function, shared by all loops
     * @param environment the function's settings
     * @param traceIds where trace ids are published
     * @param logs what names the invocation in log records and in the function's MDC
     */
    public InvocationLoop(RuntimeApiClient client, FunctionHandler handler, LambdaEnvironment environment,
            TraceIdPublisher traceIds, InvocationLogContext logs) {
        this(client, handler, environment, traceIds, logs, null);
    }

    /**
     * @param client this loop's own connection
     * @param handler the function, shared by all loops
     * @param environment the function's settings
     * @param traceIds where trace ids are published
     * @param logs what names the invocation in log records and in the function's MDC
     * @param listener told when each invocation starts and ends, or {@code null}
     */
    public InvocationLoop(RuntimeApiClient client, FunctionHandler handler, LambdaEnvironment environment,
            TraceIdPublisher traceIds, InvocationLogContext logs, InvocationListener listener) {
        this.listener = listener;
        this.client = client;
        this.handler = handler;
        this.environment = environment;
        this.traceIds = traceIds;
        this.logs = logs;
    }

    @Override
    public void run() {
        while (true) {
            handle(client.next());
        }
    }

    /**
     * Runs one invocation to its post.
     *
     * @param invocation the event
     */
    void handle(Invocation invocation) {
        if (listener == null) {
            run(invocation);
            return;
        }
        boolean failed = true;
        try {
            listener.invocationStarted(invocation.requestId(), invocation.deadlineMs());
            failed = !run(invocation);
        } finally {
            listener.invocationFinished(invocation.requestId(), failed);
        }
    }

    /** @return whether the handler's response was posted (rather than an error) */
    private boolean run(Invocation invocation) {
        if (handler.streamsResponse()) {
            return handleStreaming(invocation);
        }
        response.reset();
        Throwable failure = callHandler(invocation, response);
        if (failure != null) {
            post(invocation.requestId(), ErrorReport.of(failure).toPost(ErrorTypes.USER_EXCEPTION, failure));
            rethrowIfFatal(failure);
            return false;
        }
        if (response.overflowed()) {
            reportTooLarge(invocation.requestId(), response.written(), response.limit());
            return false;
        }
        PostResult result = client.postResponse(invocation.requestId(), response.array(), response.size());
        if (result.status() == 413) {
            reportTooLarge(invocation.requestId(), response.written(), response.limit());
            return false;
        } else if (!result.accepted()) {
            Diagnostics.warn("The platform refused the response of " + invocation.requestId() + ": HTTP "
                    + result.status() + " " + result.bodyText());
        }
        return true;
    }

    /**
     * Calls the handler inside the invocation's scope: its context, trace id and log scope, all gone again when
     * this returns, before anything is posted (once it is, the platform may freeze the sandbox).
     *
     * @return what the handler threw, already logged under the invocation's id, or {@code null}
     */
    private Throwable callHandler(Invocation invocation, java.io.OutputStream out) {
        InvocationContext context = new InvocationContext(invocation, environment);
        traceIds.publish(invocation.traceId());
        InvocationLogContext.Scope logScope = logs.open(invocation.requestId(), invocation.tenantId(), invocation.traceId());
        try {
            handler.handle(invocation.payload(), out, context);
            return null;
        } catch (Throwable failure) {
            // Still inside the invocation: its unfinished output, then the failure, are logged under its id.
            logs.flush();
            Diagnostics.invocationFailed(invocation.requestId(), failure);
            return failure;
        } finally {
            logs.close(logScope);
            traceIds.clear();
            // A flag the handler left set must not interrupt the next /next.
            Thread.interrupted();
        }
    }

    /**
     * Runs one invocation whose response streams: the body leaves while the handler writes it. A failure before
     * the first byte is an ordinary {@code /error}; after it, the stream ends with the error trailers, as does a
     * response past {@link ResponseStream#MAX_BYTES}.
     */
    private boolean handleStreaming(Invocation invocation) {
        StreamingResponse stream = new StreamingResponse(client, invocation.requestId(), ResponseStream.MAX_BYTES);
        Throwable failure = callHandler(invocation, stream);
        PostResult result;
        try {
            if (stream.overflowed()) {
                ErrorReport report = tooLarge(stream.written(), ResponseStream.MAX_BYTES);
                result = stream.isCommitted()
                        ? stream.fail(ErrorTypes.RESPONSE_SIZE_TOO_LARGE, report.toJson())
                        : client.postError(invocation.requestId(), report.toPost(ErrorTypes.RESPONSE_SIZE_TOO_LARGE, null));
            } else if (failure != null) {
                ErrorReport report = ErrorReport.of(failure);
                result = stream.isCommitted()
                        ? stream.fail(ErrorTypes.USER_EXCEPTION, report.toJson())
                        : client.postError(invocation.requestId(), report.toPost(ErrorTypes.USER_EXCEPTION, failure));
            } else {
                result = stream.finish();
            }
        } catch (java.io.IOException | RuntimeApiException e) {
            // The platform stopped reading the stream: the invocation is over for it. The loop goes on, and its
            // next /next opens a new connection.
            Diagnostics.warn("The streamed response of " + invocation.requestId() + " broke off: " + e.getMessage());
            rethrowIfFatal(failure);
            return false;
        }
        if (!result.accepted()) {
            Diagnostics.warn("The platform refused the streamed response of " + invocation.requestId() + ": HTTP "
                    + result.status() + " " + result.bodyText());
        }
        rethrowIfFatal(failure);
        return failure == null && !stream.overflowed();
    }

    private void reportTooLarge(String requestId, long size, int limit) {
        post(requestId, tooLarge(size, limit).toPost(ErrorTypes.RESPONSE_SIZE_TOO_LARGE, null));
    }

    private static ErrorReport tooLarge(long size, long limit) {
        return ErrorReport.withoutStackTrace(ErrorTypes.RESPONSE_SIZE_TOO_LARGE,
                "Response payload size (" + size + " bytes) exceeded maximum allowed payload size (" + limit + " bytes).");
    }

    private void post(String requestId, ErrorPost error) {
        PostResult result = client.postError(requestId, error);
        if (!result.accepted()) {
            Diagnostics.warn("The platform refused the error report of " + requestId + ": HTTP " + result.status()
                    + " " + result.bodyText());
        }
    }

    private static void rethrowIfFatal(Throwable failure) {
        if (failure instanceof VirtualMachineError fatal) {
            throw fatal;
        }
    }
}
