package dev.runway.ric.internal.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HandlerStringTest {

    @Test
    void classOnly() {
        HandlerString parsed = HandlerString.parse("example.Handler");
        assertThat(parsed.className()).isEqualTo("example.Handler");
        assertThat(parsed.methodName()).isNull();
        assertThat(parsed.hasMethod()).isFalse();
    }

    @Test
    void classAndMethod() {
        HandlerString parsed = HandlerString.parse("example.Handler::handle");
        assertThat(parsed.className()).isEqualTo("example.Handler");
        assertThat(parsed.methodName()).isEqualTo("handle");
        assertThat(parsed.hasMethod()).isTrue();
    }

    @Test
    void splitsOnTheLastSeparator() {
        HandlerString parsed = HandlerString.parse("a::b::c");
        assertThat(parsed.className()).isEqualTo("a::b");
        assertThat(parsed.methodName()).isEqualTo("c");
    }

    @Test
    void nestedClassesUseBinaryNames() {
        assertThat(HandlerString.parse("example.Outer$Inner::handle").className()).isEqualTo("example.Outer$Inner");
    }

    @Test
    void nothingIsTrimmed() {
        assertThat(HandlerString.parse(" example.Handler ").className()).isEqualTo(" example.Handler ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"::handle", "example.Handler::", "::", "a::b::"})
    void emptyPartsAreRejected(String handler) {
        assertThatThrownBy(() -> HandlerString.parse(handler))
                .isInstanceOfSatisfying(HandlerLoadException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("java.lang.IllegalArgumentException");
                    assertThat(e.getMessage()).startsWith("Invalid handler: '" + handler + "'");
                    assertThat(e.getCause()).isNull();
                });
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingHandlerIsRejected(String handler) {
        assertThatThrownBy(() -> HandlerString.parse(handler))
                .isInstanceOfSatisfying(HandlerLoadException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("java.lang.IllegalArgumentException");
                    assertThat(e.getMessage()).contains("No handler was given");
                });
    }
}
