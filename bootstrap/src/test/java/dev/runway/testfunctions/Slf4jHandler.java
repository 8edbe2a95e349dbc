package dev.runway.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Logs through SLF4J with whatever binding the function brings (Runway's, Logback), and answers with that
 * binding's factory class and the {@code AWSRequestId} its MDC holds.
 */
public class Slf4jHandler implements RequestHandler<String, String> {

    private static final Logger LOG = LoggerFactory.getLogger(Slf4jHandler.class);

    @Override
    public String handleRequest(String input, Context context) {
        LOG.debug("debug, dropped at INFO");
        LOG.info("hello {}", input);
        LOG.warn("two lines\nof warning");
        LOG.error("failed on purpose", new IllegalStateException("on purpose", new IllegalArgumentException("cause")));
        return LoggerFactory.getILoggerFactory().getClass().getName() + " " + MDC.get("AWSRequestId");
    }
}
