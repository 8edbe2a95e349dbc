package dev.runway.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Micronaut 4 function ({@code MicronautRequestHandler}, an injected bean): same answers as on the official RIC. */
class MicronautIT {

    @Test
    void request_handler_with_an_injected_bean() {
        String handler = "dev.runway.compat.micronaut.MicronautHandler::handleRequest";
        String[] events = {"{\"name\":\"layer\"}", "{\"name\":\"again\",\"x\":[1,2]}"};
        List<String> runway = Answers.of(Runtime.RUNWAY_LAYER, "micronaut", handler, Map.of(), events).bodies();
        List<String> official = Answers.of(Runtime.OFFICIAL_RIC, "micronaut", handler, Map.of(), events).bodies();

        assertThat(runway).isEqualTo(official);
        assertThat(Json.parse(runway.get(0))).isEqualTo(
                Json.parse("{\"greeting\":\"Hello from Micronaut, layer!\",\"keys\":1}"));
        assertThat(Json.parse(runway.get(1))).isEqualTo(
                Json.parse("{\"greeting\":\"Hello from Micronaut, again!\",\"keys\":2}"));
    }
}
