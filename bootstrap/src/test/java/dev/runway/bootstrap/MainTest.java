package dev.runway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void theFirstArgumentIsTheHandler() {
        assertThat(Main.handlerArgument(new String[] {"example.Handler::handle", "ignored"}))
                .isEqualTo("example.Handler::handle");
    }

    @Test
    void noArgumentLeavesTheHandlerToTheEnvironment() {
        assertThat(Main.handlerArgument(new String[0])).isNull();
    }

    @Test
    void withoutARuntimeApiOrWithTheSwitchesItIsLocalMode() {
        assertThat(Main.localModeRequested(new String[] {"h"}, java.util.Map.of())).isTrue();
        assertThat(Main.localModeRequested(new String[] {"--local", "h"}, java.util.Map.of("AWS_LAMBDA_RUNTIME_API", "x:1")))
                .isTrue();
        assertThat(Main.localModeRequested(new String[] {"h"},
                java.util.Map.of("AWS_LAMBDA_RUNTIME_API", "x:1", "RUNWAY_LOCAL", "1"))).isTrue();
        assertThat(Main.localModeRequested(new String[] {"h"}, java.util.Map.of("AWS_LAMBDA_RUNTIME_API", "x:1"))).isFalse();
        // Local mode's commands, even where a Runtime API is set (a shell inside a container, say).
        assertThat(Main.localModeRequested(new String[] {"invoke", "h"}, java.util.Map.of("AWS_LAMBDA_RUNTIME_API", "x:1")))
                .isTrue();
        assertThat(Main.localModeRequested(new String[] {"generate-event", "sqs"},
                java.util.Map.of("AWS_LAMBDA_RUNTIME_API", "x:1"))).isTrue();
    }

    @Test
    void aBlankArgumentLeavesTheHandlerToTheEnvironment() {
        assertThat(Main.handlerArgument(new String[] {" "})).isNull();
    }
}
