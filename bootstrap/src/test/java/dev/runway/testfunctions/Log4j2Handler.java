package dev.runway.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;

/** Logs through Log4j 2 and answers with the {@code AWSRequestId} its {@code ThreadContext} holds. */
public class Log4j2Handler implements RequestHandler<String, String> {

    private static final Logger LOG = LogManager.getLogger(Log4j2Handler.class);

    @Override
    public String handleRequest(String input, Context context) {
        LOG.info("hello {}", input);
        LOG.error("failed on purpose", new IllegalStateException("on purpose"));
        return ThreadContext.get("AWSRequestId");
    }
}
