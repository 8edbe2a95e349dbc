package dev.runway.ric.internal.loop;

import dev.runway.ric.InvocationListener;
import dev.runway.ric.ResponseStream;
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
 * A loop never dies of one invocation: whatever the handler throws ({@link StackOverflowError} and
 * {@link OutOfMemoryError} included), and whatever fails while the failure is reported, the invocation gets its
 * post (a smaller report if the platform refused the full one) and the loop asks for the next event. A loop ends
 * only for the platform's reasons: it is unreachable, or it refuses {@code next}.
 */
public final class InvocationLoop implements Runnable {

    /** The largest response the platform accepts: 6 MiB plus 100 bytes of framing allowance, as the RIE checks. */
    public static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024 + 100;

    private final RuntimeApiClient client;
    private final FunctionHandler handler;
    private final LambdaEnvironment environment;
    private final TraceIdPublisher traceIds;
    private final InvocationLogContext logs;
    private ResponseBuffer response = new ResponseBuffer(MAX_RESPONSE_BYTES);
    /** {@code null} when nothing listens: the loop then only tests a field. */
    private final InvocationListener listener;
    /** The invocations in flight on all loops, so the last loop to end can let the others finish; may be null. */
    private final InFlight inFlight;
    /** Whether the current invocation already had its post (or its streamed response began). */
    private boolean answered;

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
        this(client, handler, environment, traceIds, logs, listener, null);
    }

    /**
     * @param client this loop's own connection
     * @param handler the function, shared by all loops
     * @param environment the function's settings
     * @param traceIds where trace ids are published
     * @param logs what names the invocation in log records and in the function's MDC
     * @param listener told when each invocation starts and ends, or {@code null}
     * @param inFlight counts the invocations of all loops in flight, or {@code null} for a single loop
     */
    InvocationLoop(RuntimeApiClient client, FunctionHandler handler, LambdaEnvironment environment,
            TraceIdPublisher traceIds, InvocationLogContext logs, InvocationListener listener, InFlight inFlight) {
        this.listener = listener;
        this.inFlight = inFlight;
        this.client = client;
        this.handler = handler;
        this.environment = environment;
        this.traceIds = traceIds;
        this.logs = logs;
    }

    /**
     * Serves invocations until the platform ends the loop.
     *
     * @throws RuntimeApiException when the platform refuses {@code next} or cannot be reached
     */
    @Override
    public void run() {
        while (true) {
            Invocation invocation = client.next();
            if (inFlight != null) {
                inFlight.started(invocation.deadlineMs());
            }
            try {
                handle(invocation);
            } finally {
                if (inFlight != null) {
                    inFlight.finished();
                }
            }
        }
    }

    /**
     * Runs one invocation to its post. Only the platform's failures leave: anything else, thrown by the handler,
     * by the reporting of its failure or by a listener, ends in a post of its own.
     *
     * @param invocation the event
     * @throws RuntimeApiException when the platform cannot be reached, so the loop ends
     */
    void handle(Invocation invocation) {
        answered = false;
        try {
            listenAndRun(invocation);
        } catch (RuntimeApiException platformGone) {
            throw platformGone;
        } catch (Throwable failure) {
            lastResort(invocation.requestId(), failure);
        }
    }

    /**
     * Something failed outside the handler (the report of its failure, a listener, the runtime itself): the
     * invocation still gets an answer, the smallest there is, unless it already had one.
     */
    private void lastResort(String requestId, Throwable failure) {
        try {
            Diagnostics.warn("Invocation " + requestId + " failed in the runtime: " + failure.getClass().getName());
        } catch (Throwable ignored) {
            // the log itself is broken (out of memory, say): the post matters more
        }
        if (!answered) {
            ErrorReport report = ErrorReport.withoutStackTrace(failure.getClass().getName(), failure.getClass().getName());
            try {
                post(requestId, report, ErrorTypes.USER_EXCEPTION, null);
            } catch (RuntimeApiException platformGone) {
                throw platformGone;
            } catch (Throwable again) {
                // Nothing smaller can be sent; the loop goes on, and the platform times the invocation out.
            }
        }
    }

    private void listenAndRun(Invocation invocation) {
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
        if (response.leaked()) {
            response = new ResponseBuffer(MAX_RESPONSE_BYTES); // the old one stays with whoever kept it
        }
        response.reset();
        Throwable failure = callHandler(invocation, response);
        response.seal();
        if (failure != null) {
            post(invocation.requestId(), ErrorReport.of(failure), ErrorTypes.USER_EXCEPTION, failure);
            return false;
        }
        if (response.overflowed()) {
            reportTooLarge(invocation.requestId(), response.written(), response.limit());
            return false;
        }
        PostResult result = client.postResponse(invocation.requestId(), response.array(), response.size());
        answered = result.accepted();
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
            try {
                logs.flush();
                Diagnostics.invocationFailed(invocation.requestId(), failure);
            } catch (Throwable logFailed) {
                // A throwable whose toString or printStackTrace fails, or a full heap: the report still goes out.
            }
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
        // Once the stream began, the invocation has its answer, whole or broken off: nothing may be posted again.
        answered = stream.isCommitted();
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
            answered = true;
            return false;
        }
        answered = true;
        if (!result.accepted()) {
            Diagnostics.warn("The platform refused the streamed response of " + invocation.requestId() + ": HTTP "
                    + result.status() + " " + result.bodyText());
        }
        return failure == null && !stream.overflowed();
    }

    private void reportTooLarge(String requestId, long size, int limit) {
        post(requestId, tooLarge(size, limit), ErrorTypes.RESPONSE_SIZE_TOO_LARGE, null);
    }

    private static ErrorReport tooLarge(long size, long limit) {
        return ErrorReport.withoutStackTrace(ErrorTypes.RESPONSE_SIZE_TOO_LARGE,
                "Response payload size (" + size + " bytes) exceeded maximum allowed payload size (" + limit + " bytes).");
    }

    /**
     * Posts an error report. When the platform refuses it as malformed or too large (400, 413), the report goes
     * again in its smallest form, without X-Ray cause or stack: the invocation must end, or the platform would
     * hand the same event out again.
     */
    private void post(String requestId, ErrorReport report, String headerErrorType, Throwable cause) {
        PostResult result = client.postError(requestId, report.toPost(headerErrorType, cause));
        answered = true;
        if (result.status() == 400 || result.status() == 413) {
            Diagnostics.warn("The platform refused the error report of " + requestId + ": HTTP " + result.status()
                    + " " + result.bodyText() + "; sending it without stack trace or X-Ray cause.");
            result = client.postError(requestId, report.minimal().toPost(headerErrorType, null));
        }
        if (!result.accepted()) {
            Diagnostics.warn("The platform refused the error report of " + requestId + ": HTTP " + result.status()
                    + " " + result.bodyText());
        }
    }
}
