package dev.runway.testfunctions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An event whose JSON names differ from its Java names: only a runtime that honours the function's Jackson
 * annotations maps it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class Order {

    @JsonProperty("order_id")
    private String orderId;

    @JsonProperty("item_count")
    private int itemCount;

    /** @return the order's id */
    public String orderId() {
        return orderId;
    }

    /** @return how many items it has */
    public int itemCount() {
        return itemCount;
    }
}
