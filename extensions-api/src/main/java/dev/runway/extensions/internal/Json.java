package dev.runway.extensions.internal;

import dev.runway.wire.internal.json.JsonReader;

/**
 * Not a reader: the extensions SDK reads and writes JSON with {@code dev.runway.wire.internal.json} (issue 16).
 * This name stays only because local mode's {@code JsonReadersFuzzTest} (module bootstrap, rewritten on another
 * branch of issue 16 at the same time) still calls it; wire's {@code JsonFuzzTest} now covers what that test's
 * extensions part checked. Delete this class with that part when the branches meet.
 */
@Deprecated(forRemoval = true)
public final class Json {

    private Json() {}

    /**
     * @param text one JSON document
     * @return {@link JsonReader#parse(String)}'s value
     * @throws dev.runway.wire.internal.json.JsonException when it is not JSON
     */
    public static Object parse(String text) {
        return JsonReader.parse(text);
    }
}
