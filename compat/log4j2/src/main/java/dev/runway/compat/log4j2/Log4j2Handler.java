package dev.runway.compat.log4j2;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Logs one line per invocation through Log4j 2, the request id in the thread context, and echoes the event. */
public class Log4j2Handler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LogManager.getLogger(Log4j2Handler.class);

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        try (CloseableThreadContext.Instance ignored = CloseableThreadContext.put("AWSRequestId",
                context.getAwsRequestId())) {
            LOG.info("compat log4j2 event with {} keys", event.size());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("app", "log4j2");
        answer.put("requestId", context.getAwsRequestId());
        answer.put("event", event);
        return answer;
    }
}
