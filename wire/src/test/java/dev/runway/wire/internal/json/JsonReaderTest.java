package dev.runway.wire.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader against RFC 8259: what it accepts, what each value becomes, and where it says a document breaks. */
class JsonReaderTest {

    @Test
    void readsWhatThePlatformSends() {
        Object value = JsonReader.parse(
                " {\"a\":[1,2.5,-3e2,true,false,null],\"s\":\"q\\\"\\n\\u00e9\\/\",\"o\":{},\"l\":[]}\r\n\t");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", Arrays.asList(1L, new BigDecimal("2.5"), new BigDecimal("-3e2"), true, false, null));
        expected.put("s", "q\"\né/");
        expected.put("o", Map.of());
        expected.put("l", List.of());
        assertThat(value).isEqualTo(expected);
    }

    @Test
    void keepsTheOrderOfMembersAndTheLastOfARepeatedName() {
        Object value = JsonReader.parse("{\"z\":1,\"a\":2,\"z\":3}");
        assertThat(value).isInstanceOf(Map.class);
        assertThat(List.copyOf(((Map<?, ?>) value).keySet())).isEqualTo(List.of("z", "a"));
        assertThat(((Map<?, ?>) value).get("z")).isEqualTo(3L);
    }

    @Test
    void readsAScalarAsAWholeDocument() {
        assertThat(JsonReader.parse("\"x\"")).isEqualTo("x");
        assertThat(JsonReader.parse(" 42 ")).isEqualTo(42L);
        assertThat(JsonReader.parse("null")).isNull();
        assertThat(JsonReader.parse("true")).isEqualTo(true);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0", "-0, 0", "7, 7", "-7, -7", "123456789012345678, 123456789012345678",
        "9223372036854775807, 9223372036854775807", "-9223372036854775808, -9223372036854775808"})
    void anIntegerThatFitsALongIsALong(String text, long expected) {
        assertThat(JsonReader.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "-9223372036854775809", "123456789012345678901234567890",
        "0.1", "-0.0", "1e5", "1E+5", "1e-5", "2.50", "1.5e-3", "-12.5E+10", "1e1000", "1e-1000", "1e0001000"})
    void everyOtherNumberIsItsExactBigDecimal(String text) {
        assertThat(JsonReader.parse(text)).isEqualTo(new BigDecimal(text));
    }

    @Test
    void decodesEveryEscape() {
        assertThat(JsonReader.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u00E9\\ud83d\\ude00\\u0000\""))
                .isEqualTo("\"\\/\b\f\n\r\tAéé\ud83d\ude00\u0000");
        assertThat(JsonReader.parse("\"plain text, then \\n\"")).isEqualTo("plain text, then \n");
    }

    @Test
    void keepsCharactersOutsideAsciiAndLoneSurrogatesAsTheyAre() {
        assertThat(JsonReader.parse("\"\u2028é\ud83d\ude00\"")).isEqualTo("\u2028é\ud83d\ude00");
        assertThat(JsonReader.parse("\"\ud800\"")).isEqualTo("\ud800");
        assertThat(JsonReader.parse("\"\\ud800\"")).isEqualTo("\ud800");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                 | 0 | unexpected end of the document",
        "`   `              | 3 | unexpected end of the document",
        "01                 | 1 | a number with a leading zero",
        "-01                | 2 | a number with a leading zero",
        "1.                 | 2 | expected a digit after the decimal point, found the end of the document",
        ".5                 | 0 | expected a value, found '.'",
        "+1                 | 0 | expected a value, found '+'",
        "-                  | 1 | expected a digit, found the end of the document",
        "-a                 | 1 | expected a digit, found 'a'",
        "1e                 | 2 | expected a digit in the exponent, found the end of the document",
        "1e+                | 3 | expected a digit in the exponent, found the end of the document",
        "1.e5               | 2 | expected a digit after the decimal point, found 'e'",
        "0x10               | 1 | trailing characters after the document: 'x'",
        "NaN                | 0 | expected a value, found 'N'",
        "Infinity           | 0 | expected a value, found 'I'",
        "-Infinity          | 1 | expected a digit, found 'I'",
        "tru                | 0 | expected true",
        "nul                | 0 | expected null",
        "True               | 0 | expected a value, found 'T'",
        "[1,]               | 3 | expected a value, found ']'",
        "[1 2]              | 3 | expected ',' or ']', found '2'",
        "[1                 | 2 | unexpected end of the document",
        "{,}                | 1 | expected a member name in double quotes, found ','",
        "{\"a\":1,}         | 7 | expected a member name in double quotes, found '}'",
        "{\"a\"}            | 4 | expected ':', found '}'",
        "{\"a\":}           | 5 | expected a value, found '}'",
        "{'a':1}            | 1 | expected a member name in double quotes, found '''",
        "{a:1}              | 1 | expected a member name in double quotes, found 'a'",
        "[1] x              | 4 | trailing characters after the document: 'x'",
        "[1] [2]            | 4 | trailing characters after the document: '['",
        "/* c */ 1          | 0 | expected a value, found '/'",
        "\"open             | 5 | a string that never ends (it starts at character 0)",
        "\"a\\x\"           | 3 | an unknown escape \\x",
        "\"\\u12\"          | 5 | a \\u escape needs four hex digits, found '\"'",
        "\"\\u+123\"        | 3 | a \\u escape needs four hex digits, found '+'",
        "\"\\u12g4\"        | 5 | a \\u escape needs four hex digits, found 'g'",
        "\"\\u               | 3 | unexpected end of the document",
        "\"a\\               | 3 | unexpected end of the document",
        "\"\\n\\              | 4 | unexpected end of the document"})
    void refusesWhatRfc8259DoesNotAllowAndSaysWhere(String document, int position, String reason) {
        assertThatThrownBy(() -> JsonReader.parse(document)).isInstanceOfSatisfying(JsonException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.position()).isEqualTo(position);
            assertThat(e).hasMessage("invalid JSON at character " + position + ": " + reason);
        });
    }

    @Test
    void refusesRawControlCharactersInAStringAndNamesThemByCodePoint() {
        for (String document : List.of("\"a\u0001b\"", "\"a\\n\u001fb\"", "\"tab\there\"", "\"line\nbreak\"")) {
            assertThatThrownBy(() -> JsonReader.parse(document)).isInstanceOf(JsonException.class)
                    .hasMessageContaining("a raw control character (U+");
        }
        assertThatThrownBy(() -> JsonReader.parse("\"a\u0001b\"")).isInstanceOfSatisfying(JsonException.class,
                e -> assertThat(e.position()).isEqualTo(2));
    }

    @Test
    void refusesWhiteSpaceJsonDoesNotKnow() {
        for (String space : List.of("\u00a0", "\f", "\u000b", "\u2028", "\ufeff")) {
            assertThatThrownBy(() -> JsonReader.parse(space + "1")).isInstanceOf(JsonException.class);
        }
    }

    @Test
    void aJsonExceptionIsAnIllegalArgumentExceptionForCallersThatCatchThat() {
        assertThatThrownBy(() -> JsonReader.parse("{")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void splitsAnArrayIntoItsElementsText() {
        assertThat(JsonReader.arrayElements(" [ {\"a\":[1,{}]} , \"x\",3 ,\n null] "))
                .containsExactly("{\"a\":[1,{}]}", "\"x\"", "3", "null");
        assertThat(JsonReader.arrayElements("[]")).isEmpty();
        assertThat(JsonReader.arrayElements("[ ]")).isEmpty();
    }

    @Test
    void splittingChecksEveryElementAndTheArray() {
        assertThatThrownBy(() -> JsonReader.arrayElements("{\"a\":1}")).isInstanceOf(JsonException.class)
                .hasMessage("invalid JSON at character 0: expected '[', found '{'");
        assertThatThrownBy(() -> JsonReader.arrayElements("[{\"a\":01}]")).isInstanceOf(JsonException.class)
                .hasMessageContaining("leading zero");
        assertThatThrownBy(() -> JsonReader.arrayElements("[1,]")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> JsonReader.arrayElements("[1] 2")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> JsonReader.arrayElements("")).isInstanceOf(JsonException.class);
    }
}
