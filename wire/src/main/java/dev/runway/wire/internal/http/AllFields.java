package dev.runway.wire.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps every field of a response, by lower-case name, for the clients off the hot path (extensions call a few
 * times per invocation). A name that comes twice keeps its values joined with {@code ", "}, which RFC 9110
 * section 5.3 makes equivalent for list-valued fields.
 */
public final class AllFields implements FieldSink {

    private Map<String, String> fields = new LinkedHashMap<>();

    /** @return the last response's fields, by lower-case name; a new map for each response */
    public Map<String, String> fields() {
        return fields;
    }

    @Override
    public void clear() {
        fields = new LinkedHashMap<>();
    }

    @Override
    public void field(byte[] bytes, int nameStart, int nameEnd, int valueStart, int valueEnd) {
        String name = new String(bytes, nameStart, nameEnd - nameStart, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
        String value = new String(bytes, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
        fields.merge(name, value, (first, next) -> first + ", " + next);
    }
}
