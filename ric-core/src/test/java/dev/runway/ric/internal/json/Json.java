package dev.runway.ric.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** Test helpers: samples, codec round trips and JSON comparison that ignores how a number is spelled. */
final class Json {

    private static final ObjectMapper TREES = new ObjectMapper();

    private Json() {}

    static byte[] sample(String name) {
        try (InputStream in = Json.class.getResourceAsStream("events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static PojoCodec codec(Type type) {
        return PojoCodecs.forType(type, Json.class.getClassLoader());
    }

    static Object read(Type type, String json) {
        return codec(type).read(bytes(json));
    }

    static String write(Type type, Object value) {
        return new String(writeBytes(type, value), StandardCharsets.UTF_8);
    }

    static byte[] writeBytes(Type type, Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            codec(type).write(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static JsonNode tree(byte[] json) {
        try {
            return canonical(TREES.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(String json) {
        return tree(bytes(json));
    }

    /** Asserts two documents are the same JSON: same members, any order; 1, 1.0 and 1E0 are one number. */
    static void assertSameJson(byte[] actual, byte[] expected) {
        assertThat(tree(actual).toPrettyString()).isEqualTo(tree(expected).toPrettyString());
    }

    /** Numbers as stripped decimals and object members sorted, so that equal JSON prints equal. */
    private static JsonNode canonical(JsonNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node.isNumber()) {
            return f.numberNode(node.decimalValue().stripTrailingZeros());
        }
        if (node.isArray()) {
            ArrayNode copy = f.arrayNode();
            node.forEach(item -> copy.add(canonical(item)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = f.objectNode();
            node.properties().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> copy.set(e.getKey(), canonical(e.getValue())));
            return copy;
        }
        return node;
    }
}
