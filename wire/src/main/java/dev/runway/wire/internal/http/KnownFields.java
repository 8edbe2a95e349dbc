package dev.runway.wire.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Keeps the values of a fixed list of field names and skips every other field without allocating: the Runtime
 * API's hot path, where only a few {@code Lambda-Runtime-*} fields matter. Names match ignoring ASCII case
 * (RFC 9110 section 5.1); when a name comes twice, the last value wins.
 */
public final class KnownFields implements FieldSink {

    private final byte[][] lowerCaseNames;
    private final String[] values;

    /**
     * @param names the field names to keep; {@link #value(int)} takes an index into this list
     */
    public KnownFields(String... names) {
        this.lowerCaseNames = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            lowerCaseNames[i] = names[i].toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        }
        this.values = new String[names.length];
    }

    /**
     * @param index the name's index in the constructor's list
     * @return the last response's value for it, or {@code null} when it had none
     */
    public String value(int index) {
        return values[index];
    }

    @Override
    public void clear() {
        Arrays.fill(values, null);
    }

    @Override
    public void field(byte[] bytes, int nameStart, int nameEnd, int valueStart, int valueEnd) {
        int length = nameEnd - nameStart;
        for (int i = 0; i < lowerCaseNames.length; i++) {
            byte[] name = lowerCaseNames[i];
            if (name.length == length && Ascii.equalsIgnoreCase(name, bytes, nameStart)) {
                values[i] = new String(bytes, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
                return;
            }
        }
    }
}
