package dev.runway.compat.powertools;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Powertools v2 as its documentation shows it without AspectJ: {@code PowertoolsLogging.withLogging} around the
 * work (JSON log lines with the Lambda context's fields) and one EMF metric flushed per invocation.
 */
public class PowertoolsHandler implements RequestHandler<Map<String, Object>, String> {

    private static final Logger LOG = LoggerFactory.getLogger(PowertoolsHandler.class);
    private static final Metrics METRICS = MetricsFactory.getMetricsInstance();

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        String answer = PowertoolsLogging.withLogging(context, () -> {
            LOG.info("compat powertools event with {} keys", event.size());
            METRICS.addMetric("CompatInvocations", 1, MetricUnit.COUNT);
            return "powertools: " + event.get("name");
        });
        METRICS.flush();
        return answer;
    }
}
