package dev.runway.bootstrap.local.internal.sandbox;

import dev.runway.bootstrap.local.internal.http.BodyConsumer;
import dev.runway.bootstrap.local.internal.http.Exchange;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A streamed response ({@code Lambda-Runtime-Function-Response-Mode: streaming}), passed on to the invoker
 * chunk by chunk as it arrives, which neither RIE mode does. The invoker's answer starts with the first byte, so
 * an error the runtime reports before any byte (in the trailers) still reaches the invoker as a whole error
 * answer; after that, the error goes out as trailers of the invoker's chunked answer. The runtime's connection
 * stops being read while the invoker's cannot keep up.
 */
final class ResponseStream implements BodyConsumer {

    private static final String ERROR_TYPE = "Lambda-Runtime-Function-Error-Type";
    private static final String ERROR_BODY = "Lambda-Runtime-Function-Error-Body";

    private final PlatformConfig config;
    private final InvocationQueue queue;
    private final Exchange runtime;
    private final Invocation invocation;
    private boolean started;
    private long size;

    ResponseStream(PlatformConfig config, InvocationQueue queue, Exchange runtime, Invocation invocation) {
        this.config = config;
        this.queue = queue;
        this.runtime = runtime;
        this.invocation = invocation;
    }

    @Override
    public void content(ByteBuf chunk) {
        size += chunk.readableBytes();
        if (size > PlatformConfig.MAX_STREAMED_PAYLOAD) {
            return;
        }
        if (!started) {
            started = true;
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", contentType());
            headers.put("Lambda-Runtime-Function-Response-Mode", "streaming");
            headers.put("X-Amzn-RequestId", invocation.requestId);
            headers.put("X-Amz-Executed-Version", config.functionVersion());
            headers.put("Trailer", ERROR_TYPE + ", " + ERROR_BODY);
            invocation.responder.startStream(headers);
        }
        runtime.setAutoRead(false);
        invocation.responder.chunk(chunk.retainedDuplicate(), () -> runtime.setAutoRead(true));
    }

    @Override
    public void end(HttpHeaders trailers) {
        String errorType = trailers.get(ERROR_TYPE);
        String errorBody = trailers.get(ERROR_BODY);
        if (size > PlatformConfig.MAX_STREAMED_PAYLOAD) {
            runtime.respondJson(413, Errors.json("RequestEntityTooLarge",
                    "Exceeded maximum allowed payload size (" + PlatformConfig.MAX_STREAMED_PAYLOAD + " bytes)."));
            errorType = "Function.ResponseSizeTooLarge";
            errorBody = Base64.getEncoder().encodeToString(Sandbox.bytes(Errors.invokeJson(errorType,
                    "Response payload size exceeded maximum allowed payload size ("
                            + PlatformConfig.MAX_STREAMED_PAYLOAD + " bytes).")));
        } else {
            runtime.respond(202, "application/json", Sandbox.bytes(RuntimeApi.ACCEPTED), Map.of());
        }
        queue.endStream(invocation, errorType != null, size);
        if (!started) {
            answerWhole(errorType, errorBody);
            return;
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put(ERROR_TYPE, errorType);
        out.put(ERROR_BODY, errorBody);
        invocation.responder.endStream(out);
    }

    /** Nothing was streamed: the invoker gets one answer, the error the trailers carry or an empty body. */
    private void answerWhole(String errorType, String errorBody) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType());
        headers.put("Lambda-Runtime-Function-Response-Mode", "streaming");
        headers.put("X-Amzn-RequestId", invocation.requestId);
        if (errorType == null) {
            invocation.responder.respond(200, headers, new byte[0]);
            return;
        }
        headers.put("Content-Type", "application/json");
        headers.put("X-Amz-Function-Error", "Unhandled");
        headers.put("Error-Type", ErrorBodies.errorType(errorType));
        byte[] body;
        try {
            body = errorBody == null ? new byte[0] : Base64.getDecoder().decode(errorBody.trim());
        } catch (IllegalArgumentException e) {
            body = Sandbox.bytes(errorBody);
        }
        invocation.responder.respond(200, headers, body);
    }

    @Override
    public void aborted() {
        // The runtime's connection broke mid-stream: the invoker's answer cannot be completed.
        queue.abortStream(invocation);
        invocation.responder.endStream(Map.of(ERROR_TYPE, "Runtime.TruncatedResponse"));
    }

    private String contentType() {
        String type = runtime.header("Content-Type");
        return type == null ? "application/octet-stream" : type;
    }
}
