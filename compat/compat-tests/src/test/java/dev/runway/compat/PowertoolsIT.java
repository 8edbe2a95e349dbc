package dev.runway.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Powertools for AWS Lambda v2: its Log4j 2 JSON layout writes one JSON line per log call with the Lambda context's
 * fields (the request id among them), and its metrics one EMF document per flush, on Runway's layer as on the
 * official RIC.
 */
class PowertoolsIT {

    private static final String APP = "powertools";
    private static final String HANDLER = "dev.runway.compat.powertools.PowertoolsHandler::handleRequest";
    private static final Map<String, String> CONFIGURATION = Map.of("POWERTOOLS_SERVICE_NAME", "compat-service",
            "POWERTOOLS_METRICS_NAMESPACE", "RunwayCompat");

    @Test
    void json_logs_with_the_request_id_and_emf_metrics() {
        String[] events = {"{\"name\":\"first\"}", "{\"name\":\"second\",\"extra\":true}"};
        Answers runway = Answers.of(Runtime.RUNWAY_LAYER, APP, HANDLER, CONFIGURATION, events);
        Answers official = Answers.of(Runtime.OFFICIAL_RIC, APP, HANDLER, CONFIGURATION, events);

        assertThat(runway.bodies()).containsExactly("\"powertools: first\"", "\"powertools: second\"")
                .isEqualTo(official.bodies());
        for (Answers run : List.of(runway, official)) {
            List<JsonNode> logs = Json.lines(run.log(), "compat powertools event");
            assertThat(logs).as(run.log()).hasSize(2);
            for (int i = 0; i < 2; i++) {
                JsonNode line = logs.get(i);
                assertThat(line.get("function_request_id").asText()).isEqualTo(run.requestIds().get(i));
                assertThat(line.get("message").asText()).isEqualTo("compat powertools event with " + (i + 1) + " keys");
                assertThat(line.get("level").asText()).isEqualTo("INFO");
                assertThat(line.get("service").asText()).isEqualTo("compat-service");
                assertThat(line.get("function_name").asText()).isEqualTo("test_function");
            }
            List<JsonNode> metrics = Json.lines(run.log(), "\"_aws\"");
            assertThat(metrics).as(run.log()).hasSize(2);
            for (JsonNode emf : metrics) {
                JsonNode directive = emf.get("_aws").get("CloudWatchMetrics").get(0);
                assertThat(directive.get("Namespace").asText()).isEqualTo("RunwayCompat");
                assertThat(directive.get("Metrics").get(0).get("Name").asText()).isEqualTo("CompatInvocations");
                assertThat(emf.get("CompatInvocations").asDouble()).isEqualTo(1.0);
            }
        }
    }
}
