package dev.runway.ric.internal.json;

import static dev.runway.ric.internal.json.Json.bytes;
import static dev.runway.ric.internal.json.Json.codec;
import static dev.runway.ric.internal.json.Json.read;
import static dev.runway.ric.internal.json.Json.tree;
import static dev.runway.ric.internal.json.Json.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The managed runtime's lenient settings, one by one, and the null and empty conventions of the codecs. */
class LenientSettingsTest {

    @Test
    void acceptsUnquotedNamesSingleQuotesLeadingZerosAndNaN() {
        Pojos.Order order = (Pojos.Order) read(Pojos.Order.class, "{id: 'o-1', quantity: 007, ratio: NaN}");

        assertThat(order.getId()).isEqualTo("o-1");
        assertThat(order.getQuantity()).isEqualTo(7);
        assertThat(order.getRatio()).isNaN();
    }

    @Test
    void acceptsRawControlCharactersAndBackslashBeforeAnyCharacter() {
        Pojos.Order order = (Pojos.Order) read(Pojos.Order.class, "{\"id\": \"a\tb\\q\", \"note\": 'tab\there'}");

        assertThat(order.getId()).isEqualTo("a\tbq");
        // The managed runtime's Jackson 2.15 rejects a raw tab in a single-quoted string read from bytes (a
        // parser bug); accepting it is strictly more lenient.
        assertThat(order.note).isEqualTo("tab\there");
    }

    @Test
    void ignoresUnknownPropertiesAndNullsForPrimitives() {
        Pojos.Order order = (Pojos.Order) read(Pojos.Order.class, "{\"nope\": [1, {}], \"quantity\": null, \"id\": \"x\"}");

        assertThat(order.getId()).isEqualTo("x");
        assertThat(order.getQuantity()).isZero();
    }

    @Test
    void acceptsASingleValueForAnArrayAndASingleElementArrayForAValue() {
        Pojos.Order order = (Pojos.Order) read(Pojos.Order.class, "{\"tags\": \"only\", \"customer\": [{\"name\": \"Ana\"}]}");

        assertThat(order.getTags()).containsExactly("only");
        assertThat(order.getCustomer().getName()).isEqualTo("Ana");
    }

    @Test
    void readsAnEmptyStringAsANullObjectAndAnUnknownEnumAsNull() {
        Pojos.Order order = (Pojos.Order) read(Pojos.Order.class, "{\"customer\": \"\", \"status\": \"LOST\"}");

        assertThat(order.getCustomer()).isNull();
        assertThat(order.getStatus()).isNull();
    }

    @Test
    void namesPropertiesTheJavaBeansWay() {
        Pojos.Order order = new Pojos.Order();
        order.setURL("u");
        order.setCustomer(new Pojos.Customer());
        order.getCustomer().seteMail("e");

        assertThat(tree(write(Pojos.Order.class, order))).isEqualTo(tree("""
                {"quantity": 0, "total": 0, "ratio": 0.0, "urgent": false, "URL": "u", "customer": {"eMail": "e"}}
                """));
    }

    @Test
    void leavesNullPropertiesAndNullMapValuesOut() {
        java.util.HashMap<String, Object> map = new java.util.HashMap<>();
        map.put("a", null);
        map.put("b", 1);

        assertThat(write(Map.class, map)).isEqualTo("{\"b\":1}");
        assertThat(write(Pojos.Customer.class, new Pojos.Customer())).isEqualTo("{}");
    }

    @Test
    void writesAnEmptyBeanAsAnEmptyObject() {
        assertThat(write(Pojos.Empty.class, new Pojos.Empty())).isEqualTo("{}");
    }

    @Test
    void readsAndWritesJavaTimeAndOptionalLikeTheManagedRuntime() {
        Pojos.Times times = (Pojos.Times) read(Pojos.Times.class,
                "{\"instant\": \"2024-03-14T10:15:30Z\", \"date\": \"2024-03-14\", \"maybe\": \"x\"}");

        assertThat(times.getInstant()).isEqualTo(Instant.parse("2024-03-14T10:15:30Z"));
        assertThat(times.getDate()).isEqualTo(LocalDate.of(2024, 3, 14));
        assertThat(times.getMaybe()).contains("x");
        // Jackson's defaults, kept by the managed runtime: timestamps, not ISO text.
        assertThat(tree(write(Pojos.Times.class, times)))
                .isEqualTo(tree("{\"instant\": 1710411330.0, \"date\": [2024, 3, 14], \"maybe\": \"x\"}"));
    }

    @Test
    void writesADateInAFunctionClassAsEpochMillisButInAnEventAsEpochSeconds() {
        Date date = new Date(1_428_537_600_123L);
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m");

        assertThat(write(Date.class, date)).isEqualTo("1428537600123");
        assertThat(write(new TypeReference<List<Date>>() {}.getType(), List.of(date))).isEqualTo("[1428537600123]");
        assertThat(tree(write(SQSEvent.class, sqsEvent(message)))).isEqualTo(tree("{\"Records\":[{\"messageId\":\"m\"}]}"));
    }

    @Test
    void readsJsonNullAsNullButAnEmptyPayloadIsNoJson() {
        // As on the managed runtime: an empty payload fails to parse; the handler that wants none takes none.
        assertThatThrownBy(() -> codec(Pojos.Order.class).read(new byte[0])).isInstanceOf(EventDeserializationException.class);
        assertThatThrownBy(() -> codec(Pojos.Order.class).read(bytes(" \n\t\r "))).isInstanceOf(EventDeserializationException.class);
        assertThatThrownBy(() -> codec(SQSEvent.class).read(new byte[0])).isInstanceOf(EventDeserializationException.class);
        assertThat(read(Pojos.Order.class, "null")).isNull();
    }

    @Test
    void writesNullAsJsonNull() {
        assertThat(write(Pojos.Order.class, null)).isEqualTo("null");
        assertThat(write(SQSEvent.class, null)).isEqualTo("null");
        assertThat(write(Void.class, null)).isEqualTo("null");
    }

    @Test
    void readsAnythingAsVoid() {
        assertThat(read(Void.class, "{\"a\": [1]}")).isNull();
    }

    @Test
    void readsEmptyOptionalsAndWritesThemAsNothing() {
        assertThat(read(new TypeReference<Optional<String>>() {}.getType(), "null")).isEqualTo(Optional.empty());
        assertThat(write(Pojos.Times.class, new Pojos.Times())).isEqualTo("{}");
    }

    private static SQSEvent sqsEvent(SQSEvent.SQSMessage message) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return event;
    }
}
