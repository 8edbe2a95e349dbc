package dev.runway.extensions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesWhatThePlatformSends() {
        Object value = Json.parse(" {\"a\":[1,2.5,-3e2,true,false,null],\"s\":\"q\\\"\\n\\u00e9\\/\",\"o\":{}} ");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", Arrays.asList(1L, 2.5, -300.0, true, false, null));
        expected.put("s", "q\"\né/");
        expected.put("o", Map.of());
        assertThat(value).isEqualTo(expected);
    }

    @Test
    void writesAndReadsBack() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("text", "tab\there \"quoted\" \u0001");
        map.put("list", List.of(1, "x"));
        assertThat(Json.parse(Json.write(map))).isEqualTo(Map.of("text", "tab\there \"quoted\" \u0001", "list", List.of(1L, "x")));
    }

    @Test
    void splitsAnArrayIntoItsElementsText() {
        assertThat(Json.arrayElements("[ {\"a\":[1,{}]} , \"x\",3 ]")).containsExactly("{\"a\":[1,{}]}", "\"x\"", "3");
        assertThat(Json.arrayElements("[]")).isEmpty();
    }

    @Test
    void refusesBrokenJson() {
        assertThatThrownBy(() -> Json.parse("{\"a\":}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("[1] x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("\"open")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeeplyNestedDocumentIsRefusedNotAStackOverflow() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        assertThatThrownBy(() -> Json.parse(deep)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nested deeper");
        String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertThat(Json.parse(ok)).isInstanceOf(List.class);
    }
}
