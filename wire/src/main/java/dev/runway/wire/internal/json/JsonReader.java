package dev.runway.wire.internal.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads one JSON document (RFC 8259) into plain Java values, within {@link JsonLimits}, without a library: the
 * extensions SDK runs next to whatever Jackson a function brings, and in small extension JVMs whose start-up is
 * billed at every cold start.
 *
 * <p>What each value becomes:
 * <ul>
 *   <li>an object: a {@code Map<String, Object>} in the document's order; a name given twice keeps its last value
 *       (RFC 8259 leaves it open; Jackson does the same);</li>
 *   <li>an array: a {@code List<Object>}; a string: a {@code String}; {@code true}/{@code false}: a
 *       {@code Boolean}; {@code null}: {@code null};</li>
 *   <li>an integer (no fraction, no exponent) that fits a {@code long}: a {@code Long}. The platform's counts,
 *       sizes and limits are such integers, and a {@code Long} is what code compares them with;</li>
 *   <li>every other number: a {@code BigDecimal}, exactly as written. Not a {@code double}: a double would round
 *       a value the SDK may write back (a structured log record), turn {@code 1e400} into infinity and an integer
 *       past {@code long} into an approximation. A caller that wants a double calls {@code doubleValue()}; the
 *       limits on digits and exponent keep such a conversion cheap.</li>
 * </ul>
 *
 * <p>Strict: whatever RFC 8259 does not allow is refused with a {@link JsonException} that says where (leading
 * zeros, {@code 1.}, a raw control character in a string, single quotes, comments, trailing commas, unknown
 * escapes, {@code NaN}). The text is already characters: a lone surrogate in it is kept as it is, as Jackson
 * keeps it.
 */
public final class JsonReader {

    private final String text;
    private final JsonLimits limits;
    private int pos;
    private int depth;

    private JsonReader(String text, JsonLimits limits) {
        this.text = Objects.requireNonNull(text, "text");
        this.limits = Objects.requireNonNull(limits, "limits");
        if (text.length() > limits.maxChars()) {
            throw new JsonException("a document of " + text.length() + " chars, more than the limit of "
                    + limits.maxChars(), limits.maxChars());
        }
    }

    /**
     * @param text one JSON document
     * @return its value (see the class comment for the types)
     * @throws JsonException when it is not JSON or exceeds {@link JsonLimits#DEFAULTS}
     */
    public static Object parse(String text) {
        return parse(text, JsonLimits.DEFAULTS);
    }

    /**
     * @param text one JSON document
     * @param limits the bounds it must keep
     * @return its value (see the class comment for the types)
     * @throws JsonException when it is not JSON or exceeds the limits
     */
    public static Object parse(String text, JsonLimits limits) {
        JsonReader reader = new JsonReader(text, limits);
        reader.skipSpace();
        Object value = reader.value();
        reader.end();
        return value;
    }

    /**
     * Splits a JSON array into its elements' source text, so that each can be kept verbatim (a Telemetry API
     * batch: each event keeps its JSON as sent). Every element is read, so each one is valid JSON.
     *
     * @param text a JSON array
     * @return each element's text, without the white space around it
     * @throws JsonException when it is not a JSON array or exceeds {@link JsonLimits#DEFAULTS}
     */
    public static List<String> arrayElements(String text) {
        return arrayElements(text, JsonLimits.DEFAULTS);
    }

    /**
     * @param text a JSON array
     * @param limits the bounds it must keep (the array itself is the first level of nesting)
     * @return each element's text, without the white space around it
     * @throws JsonException when it is not a JSON array or exceeds the limits
     * @see #arrayElements(String)
     */
    public static List<String> arrayElements(String text, JsonLimits limits) {
        JsonReader reader = new JsonReader(text, limits);
        reader.skipSpace();
        reader.enter();
        reader.expect('[');
        List<String> elements = new ArrayList<>();
        reader.skipSpace();
        if (!reader.consume(']')) {
            do {
                reader.skipSpace();
                int start = reader.pos;
                reader.value();
                elements.add(text.substring(start, reader.pos));
                reader.skipSpace();
            } while (reader.separator(']'));
        }
        reader.end();
        return elements;
    }

    private Object value() {
        char c = peek();
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return JsonNumbers.read(this);
                }
                throw error("expected a value, found " + describe(c));
        }
    }

    private Map<String, Object> object() {
        enter();
        expect('{');
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        if (!consume('}')) {
            do {
                skipSpace();
                if (peek() != '"') {
                    throw error("expected a member name in double quotes, found " + describe(peek()));
                }
                String name = string();
                skipSpace();
                expect(':');
                skipSpace();
                map.put(name, value());
                skipSpace();
            } while (separator('}'));
        }
        depth--;
        return map;
    }

    private List<Object> array() {
        enter();
        expect('[');
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (!consume(']')) {
            do {
                skipSpace();
                list.add(value());
                skipSpace();
            } while (separator(']'));
        }
        depth--;
        return list;
    }

    private void enter() {
        if (++depth > limits.maxDepth()) {
            throw error("nested deeper than " + limits.maxDepth() + " levels");
        }
    }

    /** After a member or element: true on a comma (another follows), false on {@code close} (the end). */
    private boolean separator(char close) {
        char c = peek();
        if (c == ',') {
            pos++;
            return true;
        }
        if (c == close) {
            pos++;
            return false;
        }
        throw error("expected ',' or '" + close + "', found " + describe(c));
    }

    private String string() {
        expect('"');
        int start = pos;
        // Most strings have no escape: one scan, one substring.
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                return text.substring(start, pos++);
            }
            if (c == '\\') {
                return escapedString(start);
            }
            if (c < 0x20) {
                throw error("a raw control character (" + describe(c) + ") in a string");
            }
            pos++;
        }
        throw new JsonException("a string that never ends (it starts at character " + (start - 1) + ")", pos);
    }

    private String escapedString(int start) {
        StringBuilder out = new StringBuilder(pos - start + 16).append(text, start, pos);
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c < 0x20) {
                throw error("a raw control character (" + describe(c) + ") in a string");
            }
            pos++;
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = peek();
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    pos++;
                    out.append(hex4());
                    continue;
                }
                default -> throw error("an unknown escape \\" + e);
            }
            pos++;
        }
        throw new JsonException("a string that never ends (it starts at character " + (start - 1) + ")", pos);
    }

    /** The four hex digits of a {@code \}{@code u} escape (exactly four: no sign, as Integer.parseInt allows). */
    private char hex4() {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            char c = peek();
            int digit = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                throw error("a \\u escape needs four hex digits, found " + describe(c));
            }
            value = value << 4 | digit;
            pos++;
        }
        return (char) value;
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw error("expected " + word);
        }
        pos += word.length();
    }

    private void expect(char c) {
        char found = peek();
        if (found != c) {
            throw error("expected '" + c + "', found " + describe(found));
        }
        pos++;
    }

    private boolean consume(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void end() {
        skipSpace();
        if (pos != text.length()) {
            throw error("trailing characters after the document: " + describe(text.charAt(pos)));
        }
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    // For JsonNumbers, which reads a number in place.

    String text() {
        return text;
    }

    JsonLimits limits() {
        return limits;
    }

    int position() {
        return pos;
    }

    void position(int pos) {
        this.pos = pos;
    }

    char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end of the document");
        }
        return text.charAt(pos);
    }

    JsonException error(String reason) {
        return new JsonException(reason, pos);
    }

    static String describe(char c) {
        if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'";
    }
}
