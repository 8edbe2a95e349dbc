package dev.runway.wire.internal.json;

/**
 * Writes JSON string literals by hand: error reports must be producible before, and without, any JSON library
 * (an init error can be the JSON library failing to load), and the streamed HTTP prelude and the extensions SDK
 * have none. The one string escaping of Runway's hand-written JSON.
 *
 * <p>On the path of every error report and streamed HTTP response: it appends into the caller's builder and
 * allocates nothing else (no {@code String.format}, no intermediate strings).
 */
public final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {}

    /**
     * Appends {@code value} as a quoted JSON string.
     *
     * @param out where to append
     * @param value the string
     * @param asciiOnly whether to escape everything outside printable ASCII, as an HTTP header value needs
     */
    public static void appendString(StringBuilder out, String value, boolean asciiOnly) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || (asciiOnly && c > 0x7e) || Character.isSurrogate(c) && !validSurrogate(value, i)) {
                        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                                .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A lone surrogate cannot be encoded as UTF-8; it is escaped instead of turning into '?'. */
    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
