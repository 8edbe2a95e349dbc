package dev.runway.wire.internal.json;

import java.util.Collection;
import java.util.Map;

/**
 * Writes plain Java values as compact JSON: the few request bodies the extensions SDK sends (registration, error
 * reports, the telemetry subscription) and a value {@link JsonReader} read, written back.
 *
 * <p>A {@code Map} becomes an object (keys through {@code String.valueOf}), a {@code Collection} an array, a
 * {@code CharSequence} a string (escaped by {@link JsonText}), a {@code Boolean} or {@code null} itself, a
 * {@code Number} its decimal text. Anything else is written as the string of its {@code toString()}.
 */
public final class JsonWriter {

    private JsonWriter() {}

    /**
     * @param value a map, collection, string, number, boolean or {@code null}
     * @return its JSON text
     * @throws IllegalArgumentException for a number JSON cannot write (NaN, an infinity), or a value nested deeper
     *     than {@link JsonLimits#DEFAULTS} allows (a map that contains itself)
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(64);
        write(value, out, 0);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence s) {
            JsonText.appendString(out, s.toString(), false);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Number n) {
            number(n, out);
        } else if (value instanceof Map<?, ?> map) {
            enter(depth);
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                JsonText.appendString(out, String.valueOf(entry.getKey()), false);
                out.append(':');
                write(entry.getValue(), out, depth + 1);
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            enter(depth);
            out.append('[');
            boolean first = true;
            for (Object element : list) {
                out.append(first ? "" : ",");
                first = false;
                write(element, out, depth + 1);
            }
            out.append(']');
        } else {
            JsonText.appendString(out, value.toString(), false);
        }
    }

    /**
     * A BigDecimal in its scientific form when it has an exponent ({@code 1E+400}), which JSON allows: its plain
     * form would be as long as the exponent is large. A double or float in Java's shortest round-trip form.
     */
    private static void number(Number n, StringBuilder out) {
        if ((n instanceof Double || n instanceof Float) && !Double.isFinite(n.doubleValue())) {
            throw new IllegalArgumentException("JSON has no form for the number " + n);
        }
        out.append(n.toString());
    }

    /** @param depth the arrays and objects around this one */
    private static void enter(int depth) {
        if (depth >= JsonLimits.DEFAULTS.maxDepth()) {
            throw new IllegalArgumentException("a value nested deeper than " + JsonLimits.DEFAULTS.maxDepth()
                    + " levels (or containing itself) to write as JSON");
        }
    }
}
