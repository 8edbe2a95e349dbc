package dev.runway.bootstrap.it;

import dev.runway.ric.testing.RecordedPost;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A function that brings its own, older Jackson: the runtime's relocated Jackson does not meet it, and the
 * function's Jackson annotations are honoured by both.
 */
class JacksonIsolationIT extends BootstrapTestSupport {

    @Test
    void theFunctionUsesItsOwnJacksonAndTheRuntimeHonoursItsAnnotations() {
        RunningProcess process = startBootstrap(TestFunctions.taskRootWithOwnJackson(temp.resolve("task")),
                TestFunctions.ANNOTATED, Map.of());

        RecordedPost result = invoke(process, "{\"order_id\":\"o-7\",\"item_count\":3,\"channel\":\"web\"}");

        assertThat(result.kind()).as(result.bodyText()).isEqualTo(RecordedPost.Kind.RESPONSE);
        assertThat(result.bodyText()).isEqualTo("{\"order_id\":\"o-7\",\"item_count\":3,\"function_jackson\":\""
                + Distribution.userJacksonVersion() + "\"}");
    }
}
