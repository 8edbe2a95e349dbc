package dev.runway.bootstrap.local.internal.sandbox;

/**
 * One invoke, as the invoke endpoint received it.
 *
 * @param payload the event, at most {@link PlatformConfig#MAX_PAYLOAD} bytes
 * @param clientContext the decoded {@code X-Amz-Client-Context}, or {@code null}
 * @param traceId {@code X-Amzn-Trace-Id}, or {@code null}
 * @param tenantId {@code X-Amz-Tenant-Id}, or {@code null}
 * @param contentType the request's {@code Content-Type}, or {@code null}
 * @param requestId the id the caller chose ({@code X-Amzn-RequestId}, honoured under multi-concurrency as the
 *     RIE does there), or {@code null} for a new one
 */
public record InvokeRequest(
        byte[] payload, String clientContext, String traceId, String tenantId, String contentType, String requestId) {}
