package dev.runway.testfunctions;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The result of {@link AnnotatedHandler}: a record, with JSON names given by annotations.
 *
 * @param orderId the order's id
 * @param itemCount how many items it has
 * @param functionJackson the version of the Jackson the function brought
 */
public record Receipt(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("item_count") int itemCount,
        @JsonProperty("function_jackson") String functionJackson) {}
