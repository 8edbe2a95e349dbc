package dev.runway.bench.function;

import java.util.List;

/**
 * The POJO handler's input. A JavaBean (no-arg constructor, getters and setters) because that is the one shape
 * every serializer under test reads the same way.
 */
public class GreetingRequest {

    private String name;
    private int count;
    private List<String> tags;

    /** @return who to greet */
    public String getName() {
        return name;
    }

    /** @param name who to greet */
    public void setName(String name) {
        this.name = name;
    }

    /** @return how many times */
    public int getCount() {
        return count;
    }

    /** @param count how many times */
    public void setCount(int count) {
        this.count = count;
    }

    /** @return free-form labels, echoed back counted */
    public List<String> getTags() {
        return tags;
    }

    /** @param tags free-form labels */
    public void setTags(List<String> tags) {
        this.tags = tags;
    }
}
