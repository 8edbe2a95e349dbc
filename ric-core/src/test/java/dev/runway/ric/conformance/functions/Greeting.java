package dev.runway.ric.conformance.functions;

import java.util.List;

/** A bean-style POJO with a nested list, a number, a boolean and a field that stays null. */
public class Greeting {
    private String name;
    private int times;
    private boolean loud;
    private List<String> tags;
    private String unset;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public int getTimes() { return times; }
    public void setTimes(int times) { this.times = times; }
    public boolean isLoud() { return loud; }
    public void setLoud(boolean loud) { this.loud = loud; }
    public List<String> getTags() { return tags; }
    public void setTags(List<String> tags) { this.tags = tags; }
    public String getUnset() { return unset; }
    public void setUnset(String unset) { this.unset = unset; }
}
