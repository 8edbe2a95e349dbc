package dev.runway.wire.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every limit at its edge (the last accepted, the first refused) and hostile documents far past it: each ends in a
 * {@link JsonException}, never a StackOverflowError, an OutOfMemoryError or a number of a billion digits.
 */
class JsonLimitsTest {

    private static final JsonLimits SMALL = new JsonLimits(100, 3, 10, 20);

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(JsonLimits.DEFAULTS).isEqualTo(new JsonLimits(8 * 1024 * 1024, 128, 1000, 1000));
    }

    @Test
    void theDocumentsLength() {
        String fits = "\"" + "a".repeat(98) + "\"";
        assertThat(JsonReader.parse(fits, SMALL)).isEqualTo("a".repeat(98));
        assertThatThrownBy(() -> JsonReader.parse(fits + " ", SMALL)).isInstanceOfSatisfying(JsonException.class,
                e -> assertThat(e.reason()).isEqualTo("a document of 101 chars, more than the limit of 100"));
        assertThatThrownBy(() -> JsonReader.arrayElements("[" + " ".repeat(99) + "]", SMALL))
                .isInstanceOf(JsonException.class).hasMessageContaining("more than the limit of 100");
    }

    @Test
    void theNestingDepth() {
        assertThat(JsonReader.parse("[{\"a\":[1]}]", SMALL)).isEqualTo(List.of(java.util.Map.of("a", List.of(1L))));
        assertThatThrownBy(() -> JsonReader.parse("[{\"a\":[[1]]}]", SMALL)).isInstanceOfSatisfying(
                JsonException.class, e -> {
                    assertThat(e.reason()).isEqualTo("nested deeper than 3 levels");
                    assertThat(e.position()).isEqualTo(7);
                });
        assertThat(JsonReader.arrayElements("[[[1]]]", SMALL)).containsExactly("[[1]]");
        assertThatThrownBy(() -> JsonReader.arrayElements("[[[[1]]]]", SMALL)).isInstanceOf(JsonException.class)
                .hasMessageContaining("nested deeper than 3 levels");
    }

    @Test
    void theDefaultDepthOf128() {
        String ok = "[".repeat(128) + "]".repeat(128);
        assertThat(JsonReader.parse(ok)).isInstanceOf(List.class);
        String deeper = "[".repeat(129) + "]".repeat(129);
        assertThatThrownBy(() -> JsonReader.parse(deeper)).isInstanceOf(JsonException.class)
                .hasMessageContaining("nested deeper than 128 levels");
    }

    @Test
    void theNumbersLength() {
        assertThat(JsonReader.parse("-1.2345e+6", SMALL)).isEqualTo(new BigDecimal("-1.2345e+6"));
        assertThatThrownBy(() -> JsonReader.parse("[1,-1.23456e+6]", SMALL)).isInstanceOfSatisfying(
                JsonException.class, e -> {
                    assertThat(e.reason()).isEqualTo("a number of 11 chars, more than the limit of 10");
                    assertThat(e.position()).isEqualTo(3);
                });
        String thousand = "9".repeat(1000);
        assertThat(JsonReader.parse(thousand)).isEqualTo(new BigDecimal(thousand));
        assertThatThrownBy(() -> JsonReader.parse(thousand + "9")).isInstanceOf(JsonException.class)
                .hasMessageContaining("a number of 1001 chars");
    }

    @Test
    void theExponent() {
        assertThat(JsonReader.parse("1e20", SMALL)).isEqualTo(new BigDecimal("1e20"));
        assertThat(JsonReader.parse("1e-20", SMALL)).isEqualTo(new BigDecimal("1e-20"));
        assertThat(JsonReader.parse("1e000020", SMALL)).isEqualTo(new BigDecimal("1e20"));
        for (String past : List.of("1e21", "1e-21", "1e0000021", "1e100")) {
            assertThatThrownBy(() -> JsonReader.parse(past, SMALL)).isInstanceOfSatisfying(JsonException.class, e -> {
                assertThat(e.reason()).isEqualTo("an exponent past the limit of 20");
                assertThat(e.position()).isEqualTo(past.startsWith("1e-") ? 3 : 2);
            });
        }
        assertThat(JsonReader.parse("1e1000")).isEqualTo(new BigDecimal("1e1000"));
        assertThatThrownBy(() -> JsonReader.parse("1e1001")).isInstanceOf(JsonException.class);
    }

    @Test
    void hostileDocumentsEndInAJsonException() {
        List<String> hostile = List.of(
                "[".repeat(1_000_000),
                "{\"a\":".repeat(200_000),
                "[" + "1,".repeat(1_000_000),
                "1e999999999",
                "1e-99999999999999999999999999999",
                "-" + "0".repeat(5000),
                "0." + "0".repeat(5_000_000),
                "\"" + "\\u0041".repeat(500_000),
                "\"" + "x".repeat(7_000_000),
                "[\"" + "\\".repeat(1_000_001) + "\"]");
        for (String document : hostile) {
            assertThatThrownBy(() -> JsonReader.parse(document)).isInstanceOf(JsonException.class);
        }
        assertThatThrownBy(() -> JsonReader.parse("[".repeat(9 * 1024 * 1024))).isInstanceOf(JsonException.class)
                .hasMessageContaining("more than the limit of 8388608");
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new JsonLimits(0, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JsonLimits(1, 0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JsonLimits(1, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JsonLimits(1, 1, 1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
