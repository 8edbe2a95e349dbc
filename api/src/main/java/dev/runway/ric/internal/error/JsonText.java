package dev.runway.ric.internal.error;

/**
 * Not the escaping: that is {@code dev.runway.wire.internal.json.JsonText} (issue 16), which the runtime and this
 * module use. This name stays only because local mode's own JSON writer (module bootstrap, replaced by Jackson on
 * another branch of issue 16 at the same time) still calls it. Delete this class when the branches meet.
 */
@Deprecated(forRemoval = true)
public final class JsonText {

    private JsonText() {}

    /**
     * Appends {@code value} as a quoted JSON string, as {@code dev.runway.wire.internal.json.JsonText} does.
     *
     * @param out where to append
     * @param value the string
     * @param asciiOnly whether to escape everything outside printable ASCII
     */
    public static void appendString(StringBuilder out, String value, boolean asciiOnly) {
        dev.runway.wire.internal.json.JsonText.appendString(out, value, asciiOnly);
    }
}
