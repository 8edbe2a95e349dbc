package dev.runway.ric.internal.api;

/**
 * One event from {@code GET /runtime/invocation/next}: the payload and the headers that describe it.
 *
 * @param requestId {@code Lambda-Runtime-Aws-Request-Id}, echoed verbatim in the response or error
 * @param deadlineMs {@code Lambda-Runtime-Deadline-Ms}, epoch milliseconds, 0 when absent
 * @param invokedFunctionArn {@code Lambda-Runtime-Invoked-Function-Arn}, or {@code null}
 * @param traceId {@code Lambda-Runtime-Trace-Id}, or {@code null}
 * @param clientContext {@code Lambda-Runtime-Client-Context} (JSON), or {@code null}
 * @param cognitoIdentity {@code Lambda-Runtime-Cognito-Identity} (JSON), or {@code null}
 * @param tenantId {@code Lambda-Runtime-Aws-Tenant-Id}, or {@code null}
 * @param payload the event bytes, never {@code null}
 */
public record Invocation(
        String requestId,
        long deadlineMs,
        String invokedFunctionArn,
        String traceId,
        String clientContext,
        String cognitoIdentity,
        String tenantId,
        byte[] payload) {}
