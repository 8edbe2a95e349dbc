package dev.runway.wire.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * The JSON documents every JSON reader's fuzz test reads (wire's reader, local mode's): values of every JSON type,
 * strings of any valid Unicode, longs, big integers, doubles, big decimals with exponents up to 400, written by
 * Jackson compact or pretty. One generator, so the readers are fuzzed on the same ground.
 */
public final class JsonDocuments {

    /**
     * The oracle: Jackson reading numbers as exact BigDecimal and BigInteger, so a reader's numbers compare exactly.
     * It also writes the documents.
     */
    public static final ObjectMapper JACKSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private JsonDocuments() {}

    /** @return RFC 8259 documents, compact or pretty, nested up to 5 levels */
    public static Arbitrary<String> documents() {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(20).filter(JsonDocuments::wellFormed).map(s -> (Object) s),
                Arbitraries.longs().map(n -> (Object) n),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                        .map(n -> (Object) n),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.bigDecimals().map(d -> (Object) d),
                Arbitraries.integers().between(-400, 400).map(e -> (Object) new BigDecimal(BigInteger.valueOf(7), e)),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        Arbitrary<Object> value = Arbitraries.recursive(() -> leaf, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.strings().all().ofMaxLength(8).filter(JsonDocuments::wellFormed),
                        inner).ofMaxSize(4).map(m -> (Object) m)), 0, 5);
        return value.flatMap(v -> Arbitraries.of(true, false).map(pretty -> write(v, pretty)));
    }

    /** @return one to four positions in a document, for mutations (taken modulo its length) */
    public static Arbitrary<List<Integer>> positions() {
        return Arbitraries.integers().between(0, 100_000).list().ofMinSize(1).ofMaxSize(4);
    }

    private static String write(Object value, boolean pretty) {
        try {
            return pretty ? JACKSON.writerWithDefaultPrettyPrinter().writeValueAsString(value)
                    : JACKSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 8259 text is Unicode: a lone surrogate has no encoding, so it is no valid document's content. */
    public static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A reader's value, or Jackson's tree, as plain maps, lists, strings, booleans and null, with every number as
     * its exact decimal text, so that a reader and the oracle compare.
     *
     * @param value a {@link JsonNode} or a reader's value
     * @return the comparable form
     */
    public static Object canonical(Object value) {
        if (value instanceof JsonNode node) {
            if (node.isObject()) {
                Map<String, Object> map = new LinkedHashMap<>();
                node.properties().forEach(e -> map.put(e.getKey(), canonical(e.getValue())));
                return map;
            } else if (node.isArray()) {
                List<Object> list = new ArrayList<>();
                node.forEach(n -> list.add(canonical(n)));
                return list;
            } else if (node.isNumber()) {
                return exact(node.decimalValue());
            } else if (node.isTextual()) {
                return node.textValue();
            } else if (node.isBoolean()) {
                return node.booleanValue();
            }
            return null;
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> map = new LinkedHashMap<>();
            m.forEach((k, v) -> map.put((String) k, canonical(v)));
            return map;
        }
        if (value instanceof List<?> l) {
            List<Object> list = new ArrayList<>();
            l.forEach(v -> list.add(canonical(v)));
            return list;
        }
        if (value instanceof Number n) {
            return exact(n instanceof BigDecimal d ? d : new BigDecimal(n.toString()));
        }
        return value;
    }

    private static String exact(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toString();
    }
}
