package dev.runway.compat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import java.util.Map;

/**
 * Logback (through SLF4J) and Log4j 2, each configured by the function's own file, the request id in the MDC or
 * thread context: every line reaches the function's log with its invocation's request id, on Runway's layer as on
 * the official RIC.
 */
class LoggingIT {

    @ParameterizedTest
    @CsvSource({
        "logback, dev.runway.compat.logback.LogbackHandler::handleRequest",
        "log4j2, dev.runway.compat.log4j2.Log4j2Handler::handleRequest"
    })
    void lines_carry_the_request_id(String app, String handler) {
        String[] events = {"{\"a\":1}", "{\"b\":2,\"c\":3}"};
        Answers runway = Answers.of(Runtime.RUNWAY_LAYER, app, handler, Map.of(), events);
        Answers official = Answers.of(Runtime.OFFICIAL_RIC, app, handler, Map.of(), events);

        assertThat(runway.withoutRequestIds()).isEqualTo(official.withoutRequestIds());
        assertThat(runway.requestIds()).hasSize(2);
        for (Answers run : new Answers[] {runway, official}) {
            for (int i = 0; i < 2; i++) {
                String id = run.requestIds().get(i);
                assertThat(Json.parse(run.bodies().get(i)).get("requestId").asText()).isEqualTo(id);
                assertThat(run.log()).as(run.log())
                        .containsPattern("\\[" + app + "\\] " + id + " INFO .* - compat " + app + " event with "
                                + (i + 1) + " keys");
            }
        }
    }
}
