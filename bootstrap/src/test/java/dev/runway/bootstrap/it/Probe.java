package dev.runway.bootstrap.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code dev.runway.testfunctions.ProbeHandler}: the JVM's input arguments and the other
 * {@code key=value} lines.
 */
record Probe(List<String> arguments, Map<String, String> values) {

    static Probe parse(String text) {
        List<String> arguments = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String key = line.substring(0, equals);
            String value = line.substring(equals + 1);
            if (key.equals("arg")) {
                arguments.add(value);
            } else {
                values.put(key, value);
            }
        }
        return new Probe(arguments, values);
    }

    String value(String key) {
        return values.get(key);
    }

    long maxMemory() {
        return Long.parseLong(values.get("maxMemory"));
    }
}
