package dev.runway.ric.internal.json;

import static dev.runway.ric.internal.json.Json.assertSameJson;
import static dev.runway.ric.internal.json.Json.bytes;
import static dev.runway.ric.internal.json.Json.codec;
import static dev.runway.ric.internal.json.Json.writeBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.core.type.TypeReference;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential tests of ordinary function classes against the managed runtime's Jackson: for classes without
 * Jackson annotations, what it accepts is accepted, what it reads is read and what it writes is written.
 * ({@code Date} is left out: the official runtime changes how its shared mapper writes dates as a side effect
 * of building some event serializers, so the oracle depends on test order.)
 */
class PojoDifferentialTest {

    private static final String ORDER = """
            {"id": "o-1", "quantity": 2, "total": 1999, "ratio": 0.5, "gift": true, "urgent": true,
             "status": "PAID", "tags": ["a", "b"], "counts": {"x": 1, "y": 2},
             "customer": {"name": "Ana", "eMail": "ana@example.com"},
             "contacts": [{"name": "Bo"}], "URL": "https://example.com", "note": "public field",
             "summary": "ignored: no setter"}
            """;

    /** Inputs the managed runtime tolerates although they are not strict JSON, or not the declared shape. */
    private static final String LENIENT_ORDER = "{id:'o-2', quantity: 007, ratio: NaN, unknown: {deep: [1]},"
            + " status: 'REFUNDED', tags: 'single', customer: [{name: 'Cy\\q'}], contacts: '', gift: null,"
            + " quantity2: -0, note: \"tab\there\", total: null}";

    static Stream<Arguments> inputs() {
        return Stream.of(
                arguments("a JavaBean", Pojos.Order.class, ORDER),
                arguments("lenient JSON", Pojos.Order.class, LENIENT_ORDER),
                arguments("null for primitives", Pojos.Order.class, "{\"quantity\": null, \"urgent\": null}"),
                arguments("empty object", Pojos.Order.class, "{}"),
                arguments("JSON null", Pojos.Order.class, "null"),
                arguments("empty string as null object", Pojos.Customer.class, "\"\""),
                arguments("single-element array unwrapped", Pojos.Customer.class, "[{\"name\": \"Ana\"}]"),
                arguments("private field with getter only", Pojos.ReadOnly.class, "{\"secret\": \"changed\"}"),
                arguments("@ConstructorProperties", Pojos.Point.class, "{\"x\": 1, \"y\": 2}"),
                arguments("inherited properties", Pojos.Dog.class, "{\"name\": \"Rex\", \"goodBoy\": false}"),
                arguments("java.time and Optional", Pojos.Times.class, """
                        {"instant": "2024-03-14T10:15:30.123Z", "date": "2024-03-14",
                         "dateTime": "2024-03-14T10:15:30", "offset": "2024-03-14T10:15:30+01:00",
                         "duration": "PT1M30S", "maybe": "here", "nothing": null,
                         "byDay": {"2024-03-14": "pi"}}
                        """),
                arguments("java.time as numbers", Pojos.Times.class,
                        "{\"instant\": 1710411330.123, \"date\": [2024, 3, 14], \"duration\": 90.5}"),
                arguments("Map<String,Object>", new TypeReference<Map<String, Object>>() {}.getType(),
                        "{\"a\": 1, \"b\": [true, null, 2.5], \"c\": {\"d\": 'e'}}"),
                arguments("List<Integer> from a single value", new TypeReference<List<Integer>>() {}.getType(), "7"),
                arguments("String", String.class, "\"text\""),
                arguments("Integer", Integer.class, "42"),
                arguments("Object", Object.class, "[1, {\"a\": null}]"),
                arguments("int[]", int[].class, "[1, 2, 3]"),
                arguments("enum, unknown value", Pojos.Status.class, "\"LOST\""),
                arguments("trailing content ignored", Pojos.Order.class, "{\"id\": \"first\"} {\"id\": \"second\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void readsWhatTheOfficialRuntimeReads(String name, Type type, String json) {
        Object official = OfficialRuntime.read(type, bytes(json));

        Object ours = codec(type).read(bytes(json));

        assertThat(ours).usingRecursiveComparison()
                .withEqualsForType((a, b) -> Double.compare(a, b) == 0, Double.class) // NaN is NaN
                .isEqualTo(official);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void writesWhatTheOfficialRuntimeWrites(String name, Type type, String json) {
        Object value = OfficialRuntime.read(type, bytes(json));

        assertSameJson(writeBytes(type, value), OfficialRuntime.write(type, value));
    }

    static Stream<Arguments> outputs() {
        Pojos.Dog dog = new Pojos.Dog();
        dog.setName("Rex");
        Pojos.Order sparse = new Pojos.Order();
        sparse.setCounts(new java.util.HashMap<>(Map.of("x", 1)));
        sparse.getCounts().put("gone", null);
        java.util.Map<String, Object> withNulls = new java.util.HashMap<>();
        withNulls.put("kept", "yes");
        withNulls.put("dropped", null);
        return Stream.of(
                arguments("declared supertype: written as the supertype", Pojos.Animal.class, dog),
                arguments("declared Object: written as the runtime class", Object.class, dog),
                arguments("null properties and null map values left out", Pojos.Order.class, sparse),
                arguments("root map with a null value", Map.class, withNulls),
                arguments("empty bean", Pojos.Empty.class, new Pojos.Empty()),
                arguments("NaN and infinity as strings", double[].class,
                        new double[] {Double.NaN, Double.POSITIVE_INFINITY, 1.5}),
                arguments("null", Pojos.Order.class, null),
                arguments("a string", String.class, "caf\u00e9 \"quoted\" \u2028"),
                arguments("bytes as base64", byte[].class, new byte[] {1, 2, 3, (byte) 0xff}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outputs")
    void writesOutputsAsTheOfficialRuntime(String name, Type type, Object value) {
        assertSameJson(writeBytes(type, value), OfficialRuntime.write(type, value));
    }

    /** Both refuse to call a constructor the class did not mark as a creator. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesWhatTheOfficialRuntimeRefuses(String name, Type type, String json) {
        assertThatThrownBy(() -> OfficialRuntime.read(type, bytes(json))).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> codec(type).read(bytes(json))).isInstanceOf(EventDeserializationException.class);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments("a String constructor that is not a creator", Pojos.Tag.class, "\"x\""),
                arguments("an object for a String", String.class, "{\"a\": 1}"),
                arguments("malformed JSON", Pojos.Order.class, "{\"id\": "),
                arguments("a word for a number", Pojos.Order.class, "{\"quantity\": \"many\"}"),
                arguments("JavaScript comments", Pojos.Order.class, "{/* no */ \"id\": \"x\"}"));
    }
}
