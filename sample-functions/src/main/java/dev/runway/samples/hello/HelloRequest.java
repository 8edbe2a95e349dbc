package dev.runway.samples.hello;

/**
 * The event of {@link HelloHandler}: {@code {"name":"Ada"}}. A JavaBean (no-argument constructor, getter and
 * setter), the shape every Java runtime deserializes.
 */
public class HelloRequest {

    private String name;

    /** @return who to greet, {@code null} when the event has no name */
    public String getName() {
        return name;
    }

    /** @param name who to greet */
    public void setName(String name) {
        this.name = name;
    }
}
