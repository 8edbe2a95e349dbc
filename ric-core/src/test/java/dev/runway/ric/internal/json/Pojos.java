package dev.runway.ric.internal.json;

import java.beans.ConstructorProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plain function classes, written the way functions write them for the managed runtime (no Jackson
 * annotations), used by the parity tests.
 */
final class Pojos {

    private Pojos() {}

    public enum Status { NEW, PAID, SHIPPED }

    /** A JavaBean: no-arg constructor, getters and setters, a bit of everything. */
    public static class Order {
        private String id;
        private int quantity;
        private long total;
        private double ratio;
        private Boolean gift;
        private boolean urgent;
        private Status status;
        private List<String> tags;
        private Map<String, Integer> counts;
        private Customer customer;
        private List<Customer> contacts;
        private String URL;
        public String note;

        public String getId() { return id; }
        public void setId(String id) { this.id = id; }
        public int getQuantity() { return quantity; }
        public void setQuantity(int quantity) { this.quantity = quantity; }
        public long getTotal() { return total; }
        public void setTotal(long total) { this.total = total; }
        public double getRatio() { return ratio; }
        public void setRatio(double ratio) { this.ratio = ratio; }
        public Boolean getGift() { return gift; }
        public void setGift(Boolean gift) { this.gift = gift; }
        public boolean isUrgent() { return urgent; }
        public void setUrgent(boolean urgent) { this.urgent = urgent; }
        public Status getStatus() { return status; }
        public void setStatus(Status status) { this.status = status; }
        public List<String> getTags() { return tags; }
        public void setTags(List<String> tags) { this.tags = tags; }
        public Map<String, Integer> getCounts() { return counts; }
        public void setCounts(Map<String, Integer> counts) { this.counts = counts; }
        public Customer getCustomer() { return customer; }
        public void setCustomer(Customer customer) { this.customer = customer; }
        public List<Customer> getContacts() { return contacts; }
        public void setContacts(List<Customer> contacts) { this.contacts = contacts; }
        public String getURL() { return URL; }
        public void setURL(String url) { this.URL = url; }
        /** Read-only: written, never read. */
        public String getSummary() { return id == null ? null : id + "x" + quantity; }
    }

    public static class Customer {
        private String name;
        private String eMail;
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String geteMail() { return eMail; }
        public void seteMail(String eMail) { this.eMail = eMail; }
    }

    /** Has a String constructor besides the JavaBean one: the managed runtime never calls it. */
    public static class Tag {
        private String value;
        public Tag() {}
        public Tag(String value) { this.value = "ctor:" + value; }
        public String getValue() { return value; }
        public void setValue(String value) { this.value = value; }
    }

    /** A private field with a public getter only: not settable (INFER_PROPERTY_MUTATORS is off). */
    public static class ReadOnly {
        private String secret = "initial";
        public String getSecret() { return secret; }
    }

    /** Immutable, with @ConstructorProperties (Lombok's addConstructorProperties): a creator in both runtimes. */
    public static final class Point {
        private final int x;
        private final int y;
        @ConstructorProperties({"x", "y"})
        public Point(int x, int y) { this.x = x; this.y = y; }
        public int getX() { return x; }
        public int getY() { return y; }
    }

    public static class Animal {
        private String name;
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
    }

    public static class Dog extends Animal {
        private boolean goodBoy = true;
        public boolean isGoodBoy() { return goodBoy; }
        public void setGoodBoy(boolean goodBoy) { this.goodBoy = goodBoy; }
    }

    public static class Empty {}

    /** java.time and Optional, written with the managed runtime's defaults (timestamps, not ISO strings). */
    public static class Times {
        private Instant instant;
        private LocalDate date;
        private LocalDateTime dateTime;
        private OffsetDateTime offset;
        private Duration duration;
        private Optional<String> maybe;
        private Optional<String> nothing;
        private Map<LocalDate, String> byDay;
        public Instant getInstant() { return instant; }
        public void setInstant(Instant instant) { this.instant = instant; }
        public LocalDate getDate() { return date; }
        public void setDate(LocalDate date) { this.date = date; }
        public LocalDateTime getDateTime() { return dateTime; }
        public void setDateTime(LocalDateTime dateTime) { this.dateTime = dateTime; }
        public OffsetDateTime getOffset() { return offset; }
        public void setOffset(OffsetDateTime offset) { this.offset = offset; }
        public Duration getDuration() { return duration; }
        public void setDuration(Duration duration) { this.duration = duration; }
        public Optional<String> getMaybe() { return maybe; }
        public void setMaybe(Optional<String> maybe) { this.maybe = maybe; }
        public Optional<String> getNothing() { return nothing; }
        public void setNothing(Optional<String> nothing) { this.nothing = nothing; }
        public Map<LocalDate, String> getByDay() { return byDay; }
        public void setByDay(Map<LocalDate, String> byDay) { this.byDay = byDay; }
    }
}
