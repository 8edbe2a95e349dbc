package dev.runway.wire.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void writesEveryKindOfValueCompactly() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("s", "tab\there \"quoted\" \u0001 é");
        map.put("n", Arrays.asList(1, 2L, (short) 3, new BigInteger("123456789012345678901234567890"),
                new BigDecimal("2.50"), 0.5, 1.5f, 1e300));
        map.put("b", List.of(true, false));
        map.put("null", null);
        map.put("o", Map.of());
        map.put("sb", new StringBuilder("chars"));
        map.put("other", Thread.State.NEW);
        assertThat(JsonWriter.write(map)).isEqualTo("{\"s\":\"tab\\there \\\"quoted\\\" \\u0001 é\","
                + "\"n\":[1,2,3,123456789012345678901234567890,2.50,0.5,1.5,1.0E300],\"b\":[true,false],"
                + "\"null\":null,\"o\":{},\"sb\":\"chars\",\"other\":\"NEW\"}");
    }

    @Test
    void whatTheReaderReadsItWritesBack() {
        String document = "{\"a\":[1,-2.50,3E+400,1E-7,12345678901234567890,\"\\u2028\",null,true],\"b\":{\"c\":{}}}";
        Object value = JsonReader.parse(document);
        assertThat(JsonWriter.write(value)).isEqualTo(document.replace("\\u2028", "\u2028"));
        assertThat(JsonReader.parse(JsonWriter.write(value))).isEqualTo(value);
    }

    @Test
    void aBigExponentStaysAnExponent() {
        assertThat(JsonWriter.write(JsonReader.parse("1e1000"))).isEqualTo("1E+1000");
        assertThat(JsonWriter.write(new BigDecimal("1e-1000"))).isEqualTo("1E-1000");
    }

    @Test
    void refusesNumbersJsonCannotWrite() {
        for (Object n : List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.NaN)) {
            assertThatThrownBy(() -> JsonWriter.write(List.of(n))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("JSON has no form for the number");
        }
    }

    @Test
    void refusesAValueThatContainsItself() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        assertThatThrownBy(() -> JsonWriter.write(cycle)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nested deeper than 128 levels");
        Object deepest = JsonReader.parse("[".repeat(128) + "]".repeat(128));
        assertThat(JsonWriter.write(deepest)).isEqualTo("[".repeat(128) + "]".repeat(128));
    }
}
