package dev.runway.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Spring Boot 4 / Spring Cloud Function application behind the AWS adapter's {@code FunctionInvoker} (which needs
 * {@code java.beans} from {@code java.desktop}, and failed init on the earlier JRE): a String, a record and a Map
 * function, each on Runway's layer and on the official RIC, same answers.
 */
class SpringCloudFunctionIT {

    private static final String APP = "spring-cloud-function";
    private static final String HANDLER = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest";

    private static Map<String, String> function(String definition) {
        return Map.of("MAIN_CLASS", "dev.runway.compat.spring.CompatApplication",
                "SPRING_CLOUD_FUNCTION_DEFINITION", definition);
    }

    private static List<String> both(String definition, String... events) {
        List<String> runway = Answers.of(Runtime.RUNWAY_LAYER, APP, HANDLER, function(definition), events);
        List<String> official = Answers.of(Runtime.OFFICIAL_RIC, APP, HANDLER, function(definition), events);
        assertThat(runway).as("Runway's answers against the official RIC's").isEqualTo(official);
        return runway;
    }

    @Test
    void string_function() {
        List<String> answers = both("uppercase", "\"runway\"", "\"on the layer\"");
        assertThat(answers.get(0)).contains("RUNWAY");
        assertThat(answers.get(1)).contains("ON THE LAYER");
    }

    @Test
    void record_function() {
        List<String> answers = both("greet", "{\"name\":\"layer\",\"times\":2}", "{\"name\":\"again\",\"times\":1}");
        assertThat(answers.get(0)).isEqualTo("{\"message\":\"Hello, layer! Hello, layer!\",\"length\":27}");
        assertThat(answers.get(1)).isEqualTo("{\"message\":\"Hello, again!\",\"length\":13}");
    }

    @Test
    void map_function() {
        List<String> answers = both("describe", "{\"b\":1,\"a\":{\"x\":true},\"c\":[1,2]}");
        assertThat(answers.get(0)).isEqualTo("{\"keys\":[\"a\",\"b\",\"c\"],\"count\":3}");
    }
}
