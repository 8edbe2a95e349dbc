package dev.runway.bootstrap.local.internal.sandbox;

import dev.runway.bootstrap.local.internal.http.BodyConsumer;
import dev.runway.bootstrap.local.internal.http.BufferedBody;
import dev.runway.bootstrap.local.internal.http.Exchange;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Runtime API ({@code /2018-06-01/runtime/...}) over the {@link InvocationQueue}: the same paths, headers,
 * status codes and error documents as the platform and the RIE.
 */
public final class RuntimeApi {

    static final String ACCEPTED = "{\"status\":\"OK\"}\n";

    private final PlatformConfig config;
    private final InvocationQueue queue;

    /**
     * @param sandbox the environment
     */
    public RuntimeApi(Sandbox sandbox) {
        this.config = sandbox.config();
        this.queue = sandbox.queue();
    }

    /** {@code GET /runtime/invocation/next}: a long poll, answered when there is an event. */
    public BodyConsumer next(Exchange exchange) {
        return BodyConsumer.ignoring(() -> {
            try {
                queue.runtimeNext(exchange);
            } catch (Refused refused) {
                refuse(exchange, refused);
            }
        });
    }

    /** {@code POST /runtime/invocation/{id}/response}, buffered or streamed. */
    public BodyConsumer response(Exchange exchange, String requestId) {
        String mode = exchange.header("Lambda-Runtime-Function-Response-Mode");
        if ("streaming".equals(mode)) {
            try {
                return new ResponseStream(config, queue, exchange, queue.startStream(requestId));
            } catch (Refused refused) {
                return refusedNow(exchange, refused);
            }
        }
        if (mode != null) {
            return invalidMode(exchange, requestId, mode);
        }
        try {
            queue.claim(requestId, "InvocationResponse");
        } catch (Refused refused) {
            return refusedNow(exchange, refused);
        }
        return new BufferedBody(PlatformConfig.MAX_PAYLOAD, (body, size, trailers) -> {
            if (size > PlatformConfig.MAX_PAYLOAD) {
                // The runtime learns its response is too large and reports it with /error, as on Lambda.
                tooLarge(exchange);
                return;
            }
            Invocation target;
            try {
                target = queue.answer(requestId, "InvocationResponse", false, size);
            } catch (Refused refused) {
                refuse(exchange, refused);
                return;
            }
            exchange.respond(202, "application/json", Sandbox.bytes(ACCEPTED), Map.of());
            String type = config.concurrent() && exchange.header("Content-Type") != null
                    ? exchange.header("Content-Type")
                    : "application/json";
            target.responder.respond(200, Map.of("Content-Type", type, "X-Amzn-RequestId", target.requestId,
                    "X-Amz-Executed-Version", config.functionVersion()), body);
        });
    }

    /** The platform refuses a response mode other than streaming; the invocation fails at once rather than hang as the RIE does. */
    private BodyConsumer invalidMode(Exchange exchange, String requestId, String mode) {
        Invocation failed;
        try {
            failed = queue.answer(requestId, "InvocationResponse", true, 0);
        } catch (Refused refused) {
            return refusedNow(exchange, refused);
        }
        return BodyConsumer.ignoring(() -> {
            exchange.respondJson(400, Errors.json("InvalidFunctionResponseMode", "Invalid function response mode"));
            failed.responder.respond(200, Map.of("Content-Type", "application/json",
                    "X-Amz-Function-Error", "Unhandled", "Error-Type", "Runtime.InvalidResponseModeHeader"),
                    Sandbox.bytes(Errors.invokeJson("Runtime.InvalidResponseModeHeader",
                            "RequestId: " + failed.requestId + " Error: Invalid function response mode: " + mode)));
        });
    }

    /** {@code POST /runtime/invocation/{id}/error}. */
    public BodyConsumer error(Exchange exchange, String requestId) {
        try {
            queue.claim(requestId, "InvocationErrorResponse");
        } catch (Refused refused) {
            return refusedNow(exchange, refused);
        }
        return new BufferedBody(PlatformConfig.MAX_PAYLOAD, (body, size, trailers) -> {
            if (size > PlatformConfig.MAX_PAYLOAD) {
                tooLarge(exchange);
                return;
            }
            Invocation invocation;
            try {
                invocation = queue.answer(requestId, "InvocationErrorResponse", true, 0);
            } catch (Refused refused) {
                refuse(exchange, refused);
                return;
            }
            exchange.respond(202, "application/json", Sandbox.bytes(ACCEPTED), Map.of());
            String errorType = ErrorBodies.errorType(exchange.header("Lambda-Runtime-Function-Error-Type"));
            byte[] payload = ErrorBodies.forInvoker(exchange.header("Content-Type"), body);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("X-Amz-Function-Error", "Unhandled");
            headers.put("X-Amzn-RequestId", invocation.requestId);
            if (config.concurrent()) {
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
            if (!queue.restoreAllowed()) {
                exchange.respondJson(403, Errors.invalidTransition("Ready", "Restoring"));
                return;
            }
            exchange.respond(200, "application/json", new byte[0], Map.of());
        });
    }

    /** {@code POST /runtime/init/error}. */
    public BodyConsumer initError(Exchange exchange) {
        return new BufferedBody(PlatformConfig.MAX_PAYLOAD, (body, size, trailers) -> {
            if (size > PlatformConfig.MAX_PAYLOAD) {
                tooLarge(exchange);
                return;
            }
            try {
                queue.initError(ErrorBodies.errorType(exchange.header("Lambda-Runtime-Function-Error-Type")),
                        ErrorBodies.forInvoker(exchange.header("Content-Type"), body));
            } catch (Refused refused) {
                refuse(exchange, refused);
                return;
            }
            exchange.respond(202, "application/json", Sandbox.bytes(ACCEPTED), Map.of());
        });
    }

    private static void tooLarge(Exchange exchange) {
        exchange.respondJson(413, Errors.json("RequestEntityTooLarge",
                "Exceeded maximum allowed payload size (" + PlatformConfig.MAX_PAYLOAD + " bytes)."));
    }

    private static void refuse(Exchange exchange, Refused refused) {
        exchange.respondJson(refused.status, refused.json);
    }

    /** Answers the refusal as soon as the request head is in, and discards the body. */
    private static BodyConsumer refusedNow(Exchange exchange, Refused refused) {
        refuse(exchange, refused);
        return BodyConsumer.ignoring(() -> { });
    }
}
