package dev.runway.bootstrap.local.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsWhatRegistrationsAndSubscriptionsSend() {
        Object value = Json.parse(" {\"events\":[\"INVOKE\",\"SHUTDOWN\"],\"n\":1000,\"x\":1.5,\"b\":true,\"z\":null,"
                + "\"s\":\"a\\\"\\u00e9\\n\"} ");

        assertThat(value).isEqualTo(new java.util.LinkedHashMap<>(Map.of("events", List.of("INVOKE", "SHUTDOWN"),
                "n", 1000L, "x", new java.math.BigDecimal("1.5"), "b", true, "s", "a\"é\n")) {
            {
                put("z", null);
            }
        });
    }

    @Test
    void writesCompactlyAndEscapes() {
        assertThat(Json.write(Map.of("k", List.of("a\"b", 1L)))).isEqualTo("{\"k\":[\"a\\\"b\",1]}");
        assertThat(Json.quote("\u0001")).isEqualTo("\"\\u0001\"");
    }

    @Test
    void refusesWhatIsNotJson() {
        for (String bad : List.of("", "{", "{\"a\":}", "[1,]", "{} x", "\"unterminated", "nul", "{\"a\" 1}")) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(JsonException.class);
        }
        assertThatThrownBy(() -> Json.parse("[".repeat(100) + "]".repeat(100))).hasMessageContaining("nested too deeply");
    }

    @Test
    void anExponentBeyondWhatBigDecimalHoldsIsAJsonError() {
        // Found by JsonReadersFuzzTest: Jackson refuses it with an unchecked NumberFormatException.
        for (String bad : List.of("-9385930891E7802870327605462882", "[1e99999999999]", "{\"a\":1.5E-99999999999}")) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(JsonException.class)
                    .hasMessageContaining("out of range");
        }
    }

    @Test
    void aHugeExponentIsWrittenWithItsExponentNotABillionDigits() {
        // Before the fix, the first number was written as a billion digits (3 to 83 s here, with the load), and
        // the failure's message holding them broke Surefire's report, which then counted the test as passed. The
        // watchdog fails the slow form; the lengths are checked before the text, so that a failure stays small.
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (String[] numberAndWritten : new String[][] {{"1e999999999", "1E+999999999"},
                    {"-2.5e-999999999", "-2.5E-999999999"}}) {
                String written = Json.write(Json.parse("{\"n\":" + numberAndWritten[0] + "}"));
                assertThat(written.length()).as("length of the written number").isLessThan(64);
                assertThat(written).isEqualTo("{\"n\":" + numberAndWritten[1] + "}");
            }
            assertThat(Json.write(Json.parse("[1.50,12e3]"))).isEqualTo("[1.50,12000]");
        });
    }

    @Test
    void nestingIsBoundedAtTheSameDepthAsBefore() {
        // 64 levels below the top value: an empty container at the bottom, or a scalar one level up.
        assertThat(Json.parse("[".repeat(65) + "]".repeat(65))).isInstanceOf(List.class);
        assertThat(Json.parse("[".repeat(64) + "1" + "]".repeat(64))).isInstanceOf(List.class);
        assertThatThrownBy(() -> Json.parse("[".repeat(65) + "1" + "]".repeat(65)))
                .isInstanceOf(JsonException.class).hasMessageContaining("nested too deeply");
        assertThatThrownBy(() -> Json.parse("{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000)))
                .isInstanceOf(JsonException.class).hasMessageContaining("nested too deeply");
    }

    @Test
    void integersAreLongsWhenTheyFitAndDecimalsOtherwise() {
        assertThat(Json.parse("[9223372036854775807,-9223372036854775807,9223372036854775808,-9223372036854775808]"))
                .isEqualTo(List.of(Long.MAX_VALUE, -Long.MAX_VALUE, new java.math.BigDecimal("9223372036854775808"),
                        new java.math.BigDecimal("-9223372036854775808")));
    }

    @Test
    void refusesWhatRfc8259Refuses() {
        for (String bad : List.of("01", "+1", ".5", "1.", "-", "NaN", "'a'", "[1] // c", "{a:1}", "\"\t\"", "\"\\x\"")) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(JsonException.class);
        }
    }

    @Test
    void aNumbersTextIsBoundedAndLongStringsAreNot() {
        assertThatThrownBy(() -> Json.parse("1".repeat(1_001))).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Json.parse("0." + "1".repeat(1_001))).isInstanceOf(JsonException.class);
        String cause = "c".repeat(2 * 1024 * 1024);
        assertThat(Json.parse("{\"errorMessage\":\"" + cause + "\"}")).isEqualTo(Map.of("errorMessage", cause));
    }
}
