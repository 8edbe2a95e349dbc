package dev.runway.ric.testing.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reports every Context getter (and the published trace id) as JSON-ish {@code key=value} lines. */
public class ContextReportingHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context c) throws java.io.IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("requestId", c.getAwsRequestId());
        values.put("arn", c.getInvokedFunctionArn());
        values.put("functionName", c.getFunctionName());
        values.put("functionVersion", c.getFunctionVersion());
        values.put("memory", c.getMemoryLimitInMB());
        values.put("logGroup", c.getLogGroupName());
        values.put("logStream", c.getLogStreamName());
        values.put("remainingPositive", c.getRemainingTimeInMillis() > 0);
        values.put("tenantId", c.getTenantId());
        values.put("traceId", c.getXrayTraceId());
        values.put("traceProperty", System.getProperty("com.amazonaws.xray.traceHeader"));
        values.put("identityId", c.getIdentity() == null ? null : c.getIdentity().getIdentityId());
        values.put("identityPoolId", c.getIdentity() == null ? null : c.getIdentity().getIdentityPoolId());
        values.put("clientAppTitle", c.getClientContext() == null ? null : c.getClientContext().getClient().getAppTitle());
        values.put("clientCustom", c.getClientContext() == null ? null : c.getClientContext().getCustom());
        values.put("clientEnv", c.getClientContext() == null ? null : c.getClientContext().getEnvironment());
        values.put("logger", c.getLogger() != null);
        values.put("tccl", Thread.currentThread().getContextClassLoader().getName());
        StringBuilder text = new StringBuilder();
        values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        output.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
