package dev.runway.bench.training;

import java.util.List;
import java.util.Map;

/** The training function's input: a JavaBean with a number, a list and a map, unlike the benchmark's POJO. */
public class Order {

    private String id;
    private double amount;
    private List<String> items;
    private Map<String, String> attributes;

    /** @return the order id */
    public String getId() {
        return id;
    }

    /** @param id the order id */
    public void setId(String id) {
        this.id = id;
    }

    /** @return the amount */
    public double getAmount() {
        return amount;
    }

    /** @param amount the amount */
    public void setAmount(double amount) {
        this.amount = amount;
    }

    /** @return the line items */
    public List<String> getItems() {
        return items;
    }

    /** @param items the line items */
    public void setItems(List<String> items) {
        this.items = items;
    }

    /** @return free-form attributes */
    public Map<String, String> getAttributes() {
        return attributes;
    }

    /** @param attributes free-form attributes */
    public void setAttributes(Map<String, String> attributes) {
        this.attributes = attributes;
    }
}
