package dev.runway.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runway.bootstrap.local.internal.json.Json;
import dev.runway.wire.testing.JsonDocuments;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Local mode's JSON reader (Jackson's streaming parser turned into plain Java values under local mode's limits)
 * against Jackson's tree model as the oracle, on RFC 8259 documents: every value Jackson reads, it reads to the same
 * value. Mutated documents: only its typed parse error, never another exception. The wire module's reader, which the
 * runtime and the extensions SDK use, has its own fuzz test (wire's JsonFuzzTest). Fixed seeds; docs/reliability.md
 * has the longer run.
 */
class JsonReadersFuzzTest {

    private static final ObjectMapper JACKSON = JsonDocuments.JACKSON;

    @Property(seed = "1411")
    void theReaderAgreesWithJacksonOnValidDocuments(@ForAll("documents") String document) throws Exception {
        JsonNode oracle = JACKSON.readTree(document);
        assertThat(canonical(Json.parse(document), false)).isEqualTo(canonical(oracle, false));
    }

    @Property(seed = "1412")
    void mutatedDocumentsFailOnlyWithTheReadersOwnError(@ForAll("documents") String document,
            @ForAll("positions") List<Integer> cuts) {
        StringBuilder mutated = new StringBuilder(document);
        for (int cut : cuts) {
            if (mutated.length() > 0) {
                int at = cut % mutated.length();
                String replacements = "{}[]\",:\\-+.eE0tfn \ud800";
                mutated.setCharAt(at, replacements.charAt(cut % replacements.length()));
            }
        }
        String text = mutated.toString();
        try {
            Json.parse(text);
        } catch (RuntimeException e) {
            assertThat(e).isInstanceOf(dev.runway.bootstrap.local.internal.json.JsonException.class);
        }
    }

    @Provide
    Arbitrary<String> documents() {
        return JsonDocuments.documents();
    }

    @Provide
    Arbitrary<List<Integer>> positions() {
        return JsonDocuments.positions();
    }

    /** Maps, lists, strings, booleans, null, and numbers as BigDecimal (or double) so readers compare. */
    private static Object canonical(Object value, boolean doubles) {
        if (value instanceof JsonNode node) {
            if (node.isObject()) {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    map.put(e.getKey(), canonical(e.getValue(), doubles));
                }
                return map;
            } else if (node.isArray()) {
                List<Object> list = new ArrayList<>();
                node.forEach(n -> list.add(canonical(n, doubles)));
                return list;
            } else if (node.isNumber()) {
                return number(node.decimalValue(), doubles);
            } else if (node.isTextual()) {
                return node.textValue();
            } else if (node.isBoolean()) {
                return node.booleanValue();
            }
            return null;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> map = new LinkedHashMap<>();
            m.forEach((k, v) -> map.put((String) k, canonical(v, doubles)));
            return map;
        }
        if (value instanceof List<?> l) {
            List<Object> list = new ArrayList<>();
            l.forEach(v -> list.add(canonical(v, doubles)));
            return list;
        }
        if (value instanceof Number n && doubles) {
            return n.doubleValue() == 0 ? 0.0 : n.doubleValue();
        }
        if (value instanceof Number n) {
            return number(n instanceof BigDecimal d ? d : new BigDecimal(n.toString()), doubles);
        }
        return value;
    }

    private static Object number(BigDecimal d, boolean doubles) {
        if (doubles) {
            return d.doubleValue() == 0 ? 0.0 : d.doubleValue();
        }
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toString();
    }
}
