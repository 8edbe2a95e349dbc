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
    void aBlankArgumentLeavesTheHandlerToTheEnvironment() {
        assertThat(Main.handlerArgument(new String[] {" "})).isNull();
    }
}
