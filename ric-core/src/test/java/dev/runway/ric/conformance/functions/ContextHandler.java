package dev.runway.ric.conformance.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/** Answers with what the Context says. */
public class ContextHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> in, Context c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requestId", c.getAwsRequestId());
        out.put("functionName", c.getFunctionName());
        out.put("functionVersion", c.getFunctionVersion());
        out.put("memory", c.getMemoryLimitInMB());
        out.put("arn", c.getInvokedFunctionArn());
        out.put("logGroup", c.getLogGroupName());
        out.put("logStream", c.getLogStreamName());
        out.put("remainingPositive", c.getRemainingTimeInMillis() > 0);
        out.put("tenantId", c.getTenantId());
        out.put("traceId", c.getXrayTraceId());
        out.put("identityId", c.getIdentity() == null ? null : c.getIdentity().getIdentityId());
        out.put("clientCustom", c.getClientContext() == null ? null : c.getClientContext().getCustom());
        out.put("appTitle", c.getClientContext() == null ? null : c.getClientContext().getClient().getAppTitle());
        return out;
    }
}
