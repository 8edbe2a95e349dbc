package dev.runway.bootstrap.local.internal.sandbox;

import dev.runway.bootstrap.local.internal.http.BodyConsumer;
import dev.runway.bootstrap.local.internal.http.BufferedBody;
import dev.runway.bootstrap.local.internal.http.Exchange;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Runtime API ({@code /2018-06-01/runtime/...}) on top of the {@link Sandbox}: the same paths, headers,
 * status codes and error documents as the platform and the RIE.
 */
public final class RuntimeApi {

    static final String ACCEPTED = "{\"status\":\"OK\"}\n";

    private final Sandbox sandbox;

    /**
     * @param sandbox the environment
     */
    public RuntimeApi(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** {@code GET /runtime/invocation/next}: a long poll, answered when there is an event. */
    public BodyConsumer next(Exchange exchange) {
        return BodyConsumer.ignoring(() -> parkNext(exchange));
    }

    private void parkNext(Exchange exchange) {
        synchronized (sandbox) {
            Generation g = sandbox.current;
            if (g != null && g.initErrorBody != null) {
                exchange.respondJson(403, Errors.invalidTransition("InitError", "Ready"));
                return;
            }
            Invocation previous = sandbox.sequentialCurrent;
            if (previous != null && !previous.answered) {
                // The RIE's quirk, kept: /next during an invocation gives the same event again.
                sendEvent(exchange, previous, sandbox.config);
                return;
            }
            if (previous != null) {
                previous.runtimeDone = true;
                sandbox.sequentialCurrent = null;
                previous.checkEnded(false);
            }
            if (g != null && !g.runtimeCalledNext) {
                // The runtime is ready: extension registration closes, init ends once the extensions are ready.
                g.runtimeCalledNext = true;
                g.registrationOpen = false;
                ExtensionsApi.checkReady(g);
            }
            if (sandbox.finishingLoops > 0) {
                sandbox.finishingLoops--;
            }
            sandbox.parkedNexts.add(exchange);
            exchange.onClose(() -> {
                synchronized (sandbox) {
                    sandbox.parkedNexts.remove(exchange);
                }
            });
            sandbox.deliverToRuntime();
        }
    }

    /** Answers a {@code /next} with an invocation's event; false when that runtime connection is gone. */
    static boolean sendEvent(Exchange next, Invocation invocation, PlatformConfig config) {
        InvokeRequest request = invocation.request;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Lambda-Runtime-Aws-Request-Id", invocation.requestId);
        headers.put("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineMs));
        headers.put("Lambda-Runtime-Invoked-Function-Arn", config.functionArn());
        headers.put("Lambda-Runtime-Trace-Id", request.traceId());
        headers.put("Lambda-Runtime-Client-Context", request.clientContext());
        headers.put("Lambda-Runtime-Aws-Tenant-Id", request.tenantId());
        String contentType = config.concurrent() && request.contentType() != null ? request.contentType() : "application/json";
        return next.respond(200, contentType, request.payload(), headers);
    }

    /** {@code POST /runtime/invocation/{id}/response}, buffered or streamed. */
    public BodyConsumer response(Exchange exchange, String requestId) {
        String mode = exchange.header("Lambda-Runtime-Function-Response-Mode");
        boolean streaming = "streaming".equals(mode);
        Invocation invocation;
        synchronized (sandbox) {
            invocation = checkId(exchange, requestId, "InvocationResponse");
            if (invocation == null) {
                return discard();
            }
            if (mode != null && !streaming) {
                // The platform refuses the value; the invocation fails at once rather than hang as the RIE does.
                invocation.answered = true;
                invocation.failed = true;
                sandbox.checkEnded(invocation);
                Invocation failed = invocation;
                return BodyConsumer.ignoring(() -> {
                    exchange.respondJson(400, Errors.json("InvalidFunctionResponseMode", "Invalid function response mode"));
                    failed.responder.respond(200, Map.of("Content-Type", "application/json",
                            "X-Amz-Function-Error", "Unhandled", "Error-Type", "Runtime.InvalidResponseModeHeader"),
                            Sandbox.bytes(Errors.invokeJson("Runtime.InvalidResponseModeHeader",
                                    "RequestId: " + failed.requestId + " Error: Invalid function response mode: " + mode)));
                });
            }
            if (streaming) {
                invocation.answered = true;
            }
        }
        if (streaming) {
            return new ResponseStream(sandbox, exchange, invocation);
        }
        Invocation target = invocation;
        return new BufferedBody(PlatformConfig.MAX_PAYLOAD, (body, size, trailers) -> {
            if (size > PlatformConfig.MAX_PAYLOAD) {
                // The runtime learns its response is too large and reports it with /error, as on Lambda.
                exchange.respondJson(413, Errors.json("RequestEntityTooLarge",
                        "Exceeded maximum allowed payload size (" + PlatformConfig.MAX_PAYLOAD + " bytes)."));
                return;
            }
            synchronized (sandbox) {
                if (checkId(exchange, requestId, "InvocationResponse") == null) {
                    return;
                }
                target.answered = true;
                target.producedBytes = size;
                sandbox.checkEnded(target);
            }
            exchange.respond(202, "application/json", Sandbox.bytes(ACCEPTED), Map.of());
            String type = sandbox.config.concurrent() && exchange.header("Content-Type") != null
                    ? exchange.header("Content-Type")
                    : "application/json";
            target.responder.respond(200, Map.of("Content-Type", type, "X-Amzn-RequestId", target.requestId,
                    "X-Amz-Executed-Version", sandbox.config.functionVersion()), body);
        });
    }

    /** {@code POST /runtime/invocation/{id}/error}. */
    public BodyConsumer error(Exchange exchange, String requestId) {
        synchronized (sandbox) {
            if (checkId(exchange, requestId, "InvocationErrorResponse") == null) {
                return discard();
            }
        }
        return new BufferedBody(PlatformConfig.MAX_PAYLOAD, (body, size, trailers) -> {
            if (size > PlatformConfig.MAX_PAYLOAD) {
                exchange.respondJson(413, Errors.json("RequestEntityTooLarge",
                        "Exceeded maximum allowed payload size (" + PlatformConfig.MAX_PAYLOAD + " bytes)."));
                return;
            }
            Invocation invocation;
            synchronized (sandbox) {
                invocation = checkId(exchange, requestId, "InvocationErrorResponse");
                if (invocation == null) {
                    return;
                }
                invocation.answered = true;
                invocation.failed = true;
                sandbox.checkEnded(invocation);
            }
            exchange.respond(202, "application/json", Sandbox.bytes(ACCEPTED), Map.of());
            String errorType = ErrorBodies.errorType(exchange.header("Lambda-Runtime-Function-Error-Type"));
            byte[] payload = ErrorBodies.forInvoker(exchange.header("Content-Type"), body);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("X-Amz-Function-Error", "Unhandled");
            headers.put("X-Amzn-RequestId", invocation.requestId);
            if (sandbox.config.concurrent()) {
                headers.put("Error-Type", errorType);
            }
            invocation.responder.respond(200, headers, payload);
        });
    }

    /**
     * {@code GET /runtime/restore/next}, SnapStart's "init is done, snapshot me": the emulator takes no snapshot,
     * so the restore is immediate. Only during init, as on the platform. A failure of the after-restore hooks comes
     * back on {@code /runtime/restore/error}, which fails the init like {@code /runtime/init/error}.
     */
    public BodyConsumer restoreNext(Exchange exchange) {
        return BodyConsumer.ignoring(() -> {
            synchronized (sandbox) {
                Generation g = sandbox.current;
                if (g == null || g.initDone || g.runtimeCalledNext) {
                    exchange.respondJson(403, Errors.invalidTransition("Ready", "Restoring"));
                    return;
                }
            }
            exchange.respond(200, "application/json", new byte[0], Map.of());
        });
    }

    /** {@code POST /runtime/init/error}. */
    public BodyConsumer initError(Exchange exchange) {
        return new BufferedBody(PlatformConfig.MAX_PAYLOAD, (body, size, trailers) -> {
            if (size > PlatformConfig.MAX_PAYLOAD) {
                exchange.respondJson(413, Errors.json("RequestEntityTooLarge",
                        "Exceeded maximum allowed payload size (" + PlatformConfig.MAX_PAYLOAD + " bytes)."));
                return;
            }
            synchronized (sandbox) {
                Generation g = sandbox.current;
                if (g == null || g.initDone) {
                    String from = !sandbox.active.isEmpty() ? "Running" : "Ready";
                    exchange.respondJson(403, Errors.invalidTransition(from, "InitError"));
                    return;
                }
                g.initErrorType = ErrorBodies.errorType(exchange.header("Lambda-Runtime-Function-Error-Type"));
                g.initErrorBody = ErrorBodies.forInvoker(exchange.header("Content-Type"), body);
            }
            exchange.respond(202, "application/json", Sandbox.bytes(ACCEPTED), Map.of());
        });
    }

    /**
     * The request id check the platform does before anything else. Call with the lock held.
     *
     * @return the invocation, or {@code null} when the exchange was answered with the error
     */
    private Invocation checkId(Exchange exchange, String requestId, String transition) {
        Invocation invocation = sandbox.active.get(requestId);
        if (invocation == null || !invocation.delivered || invocation.runtimeDone) {
            if (sandbox.config.concurrent() && sandbox.timedOut.containsKey(requestId)) {
                exchange.respondJson(410, Errors.json("InvokeTimeout", "Invoke timeout"));
            } else {
                exchange.respondJson(400, Errors.json("InvalidRequestID", "Invalid request ID"));
            }
            return null;
        }
        if (invocation.answered) {
            if (sandbox.config.concurrent()) {
                exchange.respondJson(400, Errors.json("InvalidRequestID", "Invalid request ID"));
            } else {
                exchange.respondJson(403, Errors.invalidTransition("RuntimeResponseSentState", transition));
            }
            return null;
        }
        return invocation;
    }

    private static BodyConsumer discard() {
        return BodyConsumer.ignoring(() -> { });
    }
}
