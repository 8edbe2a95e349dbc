package dev.runway.ric.internal.json;

import static dev.runway.ric.internal.json.Json.bytes;
import static dev.runway.ric.internal.json.Json.read;
import static dev.runway.ric.internal.json.Json.tree;
import static dev.runway.ric.internal.json.Json.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the managed runtime gets wrong on purpose or by accident, and Runway does: Java records as input, and
 * the function's own Jackson annotations (ignored there because its Jackson is relocated, issue #491), which
 * is also what makes Lombok's {@code @Jacksonized @Builder} work (issue #368).
 */
class RecordsAndAnnotationsTest {

    public record Item(String sku, int quantity) {}

    public record Cart(String id, List<Item> items, Map<String, String> labels, Item featured) {}

    public record Page<T>(List<T> content, int number) {}

    public record Renamed(@JsonProperty("order_id") String orderId, @JsonIgnore String secret,
            @JsonFormat(pattern = "dd/MM/yyyy") LocalDate day) {}

    public record Defaulted(String name, int size) {
        public Defaulted {
            name = name == null ? "unnamed" : name;
        }
    }

    @Test
    void readsAndWritesRecords() {
        String json = "{\"id\": \"c1\", \"items\": [{\"sku\": \"a\", \"quantity\": 2}], \"labels\": {\"k\": \"v\"},"
                + " \"featured\": {\"sku\": \"b\"}}";

        Cart cart = (Cart) read(Cart.class, json);

        assertThat(cart).isEqualTo(new Cart("c1", List.of(new Item("a", 2)), Map.of("k", "v"), new Item("b", 0)));
        assertThat(tree(write(Cart.class, cart))).isEqualTo(tree("""
                {"id": "c1", "items": [{"sku": "a", "quantity": 2}], "labels": {"k": "v"},
                 "featured": {"sku": "b", "quantity": 0}}
                """));
    }

    @Test
    void theManagedRuntimeCannotReadARecord() {
        // Documented difference: its creator detection is off, so a record has "no Creators".
        assertThatThrownBy(() -> OfficialRuntime.read(Item.class, bytes("{\"sku\": \"a\"}")))
                .hasMessageContaining("no Creators");
    }

    @Test
    void readsAGenericRecordThroughTheHandlersGenericType() {
        Object page = read(new TypeReference<Page<Item>>() {}.getType(), "{\"content\": [{\"sku\": \"a\"}], \"number\": 3}");

        assertThat(page).isEqualTo(new Page<>(List.of(new Item("a", 0)), 3));
    }

    @Test
    void runsACompactConstructor() {
        assertThat(read(Defaulted.class, "{\"size\": 1}")).isEqualTo(new Defaulted("unnamed", 1));
    }

    @Test
    void honoursJsonPropertyJsonIgnoreAndJsonFormatOnRecordComponents() {
        Renamed renamed = (Renamed) read(Renamed.class, "{\"order_id\": \"o1\", \"secret\": \"s\", \"day\": \"14/03/2024\"}");

        assertThat(renamed).isEqualTo(new Renamed("o1", null, LocalDate.of(2024, 3, 14)));
        assertThat(tree(write(Renamed.class, new Renamed("o1", "s", LocalDate.of(2024, 3, 14)))))
                .isEqualTo(tree("{\"order_id\": \"o1\", \"day\": \"14/03/2024\"}"));
    }

    /** A JavaBean with the annotations functions put on their classes. */
    public static class Annotated {
        @JsonProperty("customer_name")
        private String customerName;
        @JsonAlias({"qty", "count"})
        private int quantity;
        @JsonIgnore
        private String internal = "hidden";
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        private Instant at;
        @JsonInclude(JsonInclude.Include.ALWAYS)
        private String alwaysThere;

        public String getCustomerName() { return customerName; }
        public void setCustomerName(String customerName) { this.customerName = customerName; }
        public int getQuantity() { return quantity; }
        public void setQuantity(int quantity) { this.quantity = quantity; }
        public String getInternal() { return internal; }
        public void setInternal(String internal) { this.internal = internal; }
        public Instant getAt() { return at; }
        public void setAt(Instant at) { this.at = at; }
        public String getAlwaysThere() { return alwaysThere; }
        public void setAlwaysThere(String alwaysThere) { this.alwaysThere = alwaysThere; }
    }

    @Test
    void honoursTheFunctionsJacksonAnnotations() {
        Annotated value = (Annotated) read(Annotated.class,
                "{\"customer_name\": \"Ana\", \"qty\": 3, \"internal\": \"set\", \"at\": \"2024-03-14T10:15:30Z\"}");

        assertThat(value.getCustomerName()).isEqualTo("Ana");
        assertThat(value.getQuantity()).isEqualTo(3);
        assertThat(value.getInternal()).isEqualTo("hidden");
        assertThat(tree(write(Annotated.class, value))).isEqualTo(tree(
                "{\"customer_name\": \"Ana\", \"quantity\": 3, \"at\": \"2024-03-14T10:15:30Z\", \"alwaysThere\": null}"));
    }

    /** Annotations on private fields, the Lombok style: they count although the field is not visible. */
    public static class FieldAnnotated {
        @com.fasterxml.jackson.databind.annotation.JsonSerialize(
                using = com.fasterxml.jackson.databind.ser.std.ToStringSerializer.class)
        private long id;
        @JsonFormat(pattern = "yyyy/MM/dd")
        private LocalDate day;
        @JsonAlias("colour")
        private String color = "none";

        public long getId() { return id; }
        public void setId(long id) { this.id = id; }
        public LocalDate getDay() { return day; }
        public void setDay(LocalDate day) { this.day = day; }
        /** No setter: the annotated field is the mutator, as in plain Jackson. */
        public String getColor() { return color; }
    }

    @Test
    void honoursAnnotationsOnPrivateFields() {
        FieldAnnotated value = (FieldAnnotated) read(FieldAnnotated.class,
                "{\"id\": 7, \"day\": \"2024/03/14\", \"colour\": \"red\"}");

        assertThat(value.getDay()).isEqualTo(LocalDate.of(2024, 3, 14));
        assertThat(value.getColor()).isEqualTo("red");
        assertThat(tree(write(FieldAnnotated.class, value)))
                .isEqualTo(tree("{\"id\": \"7\", \"day\": \"2024/03/14\", \"color\": \"red\"}"));
    }

    @Test
    void leavesUnannotatedPrivateFieldsAloneAsTheManagedRuntimeDoes() {
        assertThat(((Pojos.ReadOnly) read(Pojos.ReadOnly.class, "{\"secret\": \"changed\"}")).getSecret())
                .isEqualTo("initial");
    }

    @Test
    void theManagedRuntimeIgnoresThem() {
        // Documented difference: the same class and payload, read by the managed runtime.
        Annotated value = (Annotated) OfficialRuntime.read(Annotated.class,
                bytes("{\"customer_name\": \"Ana\", \"qty\": 3, \"customerName\": \"Bo\"}"));

        assertThat(value.getCustomerName()).isEqualTo("Bo");
        assertThat(value.getQuantity()).isZero();
    }

    /** What Lombok generates for {@code @Value @Builder @Jacksonized}. */
    @JsonDeserialize(builder = Built.BuiltBuilder.class)
    public static final class Built {
        private final String name;
        private final List<String> tags;

        Built(String name, List<String> tags) {
            this.name = name;
            this.tags = tags;
        }

        public String getName() { return name; }
        public List<String> getTags() { return tags; }

        @JsonPOJOBuilder(withPrefix = "")
        public static final class BuiltBuilder {
            private String name;
            private List<String> tags;

            public BuiltBuilder name(String name) { this.name = name; return this; }
            public BuiltBuilder tags(List<String> tags) { this.tags = tags; return this; }
            public Built build() { return new Built(name, tags); }
        }
    }

    @Test
    void buildsThroughAJacksonizedBuilder() {
        Built built = (Built) read(Built.class, "{\"name\": \"n\", \"tags\": \"single\", \"other\": 1}");

        assertThat(built.getName()).isEqualTo("n");
        assertThat(built.getTags()).containsExactly("single");
    }

    /** An immutable class with a declared creator. */
    public static final class Money {
        private final long cents;
        private final String currency;

        @JsonCreator
        public Money(@JsonProperty("cents") long cents, @JsonProperty("currency") String currency) {
            this.cents = cents;
            this.currency = currency == null ? "EUR" : currency;
        }

        public long getCents() { return cents; }
        public String getCurrency() { return currency; }
    }

    /** A value class with a declared delegating creator. */
    public static final class Sku {
        private final String code;

        private Sku(String code) { this.code = code; }

        @JsonCreator
        public static Sku of(String code) { return new Sku(code.toUpperCase(java.util.Locale.ROOT)); }

        @com.fasterxml.jackson.annotation.JsonValue
        public String code() { return code; }
    }

    @Test
    void usesDeclaredCreators() {
        Money money = (Money) read(Money.class, "{\"cents\": 150}");
        Sku sku = (Sku) read(Sku.class, "\"ab-1\"");

        assertThat(money.getCurrency()).isEqualTo("EUR");
        assertThat(money.getCents()).isEqualTo(150);
        assertThat(sku.code()).isEqualTo("AB-1");
        assertThat(write(Sku.class, sku)).isEqualTo("\"AB-1\"");
    }

    @Test
    void stillCallsNoUndeclaredConstructorOfAJavaBean() {
        // Creator auto-detection stays off as in the managed runtime: Tag(String) is not a creator, so a JavaBean
        // keeps being built through its no-arg constructor and setters.
        Pojos.Tag tag = (Pojos.Tag) read(Pojos.Tag.class, "{\"value\": \"v\"}");

        assertThat(tag.getValue()).isEqualTo("v");
        assertThatThrownBy(() -> read(Pojos.Tag.class, "\"v\"")).isInstanceOf(EventDeserializationException.class);
    }
}
