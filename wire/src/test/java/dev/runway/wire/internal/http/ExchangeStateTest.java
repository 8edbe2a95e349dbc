package dev.runway.wire.internal.http;

import static dev.runway.wire.internal.http.ExchangeState.CLOSED;
import static dev.runway.wire.internal.http.ExchangeState.IDLE;
import static dev.runway.wire.internal.http.ExchangeState.READING_RESPONSE_BODY;
import static dev.runway.wire.internal.http.ExchangeState.READING_RESPONSE_HEADERS;
import static dev.runway.wire.internal.http.ExchangeState.WRITING_REQUEST_BODY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExchangeStateTest {

    /** The whole transition table: anything not listed is refused. */
    private static final Map<ExchangeState, Set<ExchangeState>> ALLOWED = Map.of(
            CLOSED, EnumSet.of(CLOSED, IDLE),
            IDLE, EnumSet.of(CLOSED, WRITING_REQUEST_BODY),
            WRITING_REQUEST_BODY, EnumSet.of(CLOSED, READING_RESPONSE_HEADERS),
            READING_RESPONSE_HEADERS, EnumSet.of(CLOSED, READING_RESPONSE_BODY),
            READING_RESPONSE_BODY, EnumSet.of(CLOSED, IDLE));

    @Test
    void exactlyTheTransitionsOfTheTableAreAllowedAndTheOthersAreTypedErrors() {
        for (ExchangeState from : ExchangeState.values()) {
            for (ExchangeState to : ExchangeState.values()) {
                boolean allowed = ALLOWED.get(from).contains(to);
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed);
                if (allowed) {
                    assertThat(from.check(to)).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> from.check(to)).isInstanceOf(ExchangeStateException.class)
                            .hasMessage("illegal HTTP exchange transition " + from + " -> " + to);
                }
            }
        }
    }
}
