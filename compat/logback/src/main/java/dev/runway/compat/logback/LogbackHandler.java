package dev.runway.compat.logback;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Logs one line per invocation through SLF4J and Logback, the request id in the MDC, and echoes the event. */
public class LogbackHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(LogbackHandler.class);

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        MDC.put("AWSRequestId", context.getAwsRequestId());
        try {
            LOG.info("compat logback event with {} keys", event.size());
        } finally {
            MDC.remove("AWSRequestId");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("app", "logback");
        answer.put("requestId", context.getAwsRequestId());
        answer.put("event", event);
        return answer;
    }
}
