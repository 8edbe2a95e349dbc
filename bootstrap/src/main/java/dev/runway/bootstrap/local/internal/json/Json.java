package dev.runway.bootstrap.local.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.runway.wire.internal.json.JsonText;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON the emulator reads and writes: registration and subscription bodies, error reports, events.
 *
 * <p>Reading is Jackson's streaming parser, the one the runtime jar already carries (relocated), with local
 * mode's limits; the values are plain Java, so nothing here depends on how the runtime maps objects: {@link Map}
 * (insertion-ordered), {@link List}, {@link String}, {@link BigDecimal} or {@link Long}, {@link Boolean} and
 * {@code null}. Writing is the runtime's own string escaping ({@link JsonText}), so local mode's documents are
 * escaped as the runtime's are.
 */
public final class Json {

    /** Deep documents are no registration body: a bound keeps a hostile one from exhausting the stack. */
    static final int MAX_DEPTH = 64;

    /**
     * Built on first use, the first document read (a registration, a subscription, an error cause): an invoke
     * that reads none does not load Jackson into local mode's process. Jackson's
     * read limits stay at their defaults, far above these documents' sizes (a body is at most 6 MB): strings of
     * 20 million characters, names of 50,000, numbers of 1,000 characters. The last is what keeps a number's
     * text short; its exponent may still be huge ({@code 1e999999999}), which {@link #plain} deals with.
     */
    private static final class Parsers {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    private Json() {}

    /**
     * Parses a document.
     *
     * @param text the JSON text
     * @return the value
     * @throws JsonException when the text is not exactly one JSON value, or breaks a limit
     */
    public static Object parse(String text) {
        try (JsonParser parser = Parsers.FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new JsonException("unexpected end at offset 0");
            }
            Object value = value(parser, first, 0);
            if (parser.nextToken() != null) {
                throw new JsonException("unexpected text after the value at offset " + offset(parser));
            }
            return value;
        } catch (JsonProcessingException e) {
            // Bad syntax (JsonParseException) or one of Jackson's limits (StreamConstraintsException).
            JsonLocation where = e.getLocation();
            throw new JsonException(e.getOriginalMessage() + (where == null ? "" : " at offset " + where.getCharOffset()));
        } catch (IOException e) {
            throw new JsonException(String.valueOf(e.getMessage()));
        } catch (NumberFormatException e) {
            // A number JSON's grammar allows but BigDecimal cannot hold: an exponent beyond an int
            // (-1E7802870327605462882), which Jackson's BigDecimalParser refuses with this unchecked exception.
            throw new JsonException("a number out of range: " + e.getMessage());
        }
    }

    private static Object value(JsonParser parser, JsonToken token, int depth) throws IOException {
        if (token == null) {
            throw new JsonException("unexpected end");
        }
        if (depth > MAX_DEPTH) {
            throw new JsonException("nested too deeply at offset " + offset(parser));
        }
        return switch (token) {
            case START_OBJECT -> object(parser, depth);
            case START_ARRAY -> array(parser, depth);
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> integer(parser);
            // As written, exponent and all: 1e999999999 is a small BigDecimal (see plain() for its way out).
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new JsonException("unexpected " + token + " at offset " + offset(parser));
        };
    }

    private static Map<String, Object> object(JsonParser parser, int depth) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String key = parser.currentName();
            map.put(key, value(parser, parser.nextToken(), depth + 1));
        }
        return map;
    }

    private static List<Object> array(JsonParser parser, int depth) throws IOException {
        List<Object> list = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            list.add(value(parser, token, depth + 1));
        }
        return list;
    }

    /** An integer: a {@link Long} when it fits in 63 bits, a {@link BigDecimal} otherwise. */
    private static Object integer(JsonParser parser) throws IOException {
        if (parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            long n = parser.getLongValue();
            if (n != Long.MIN_VALUE) {
                return n;
            }
        }
        return new BigDecimal(parser.getBigIntegerValue());
    }

    private static long offset(JsonParser parser) {
        return parser.currentTokenLocation().getCharOffset();
    }

    /**
     * Writes a value compactly.
     *
     * @param value a value made of the types this class reads
     * @return the JSON text
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /**
     * Quotes a string as a JSON string literal.
     *
     * @param s the string
     * @return the literal, quotes included
     */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        writeString(s, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            writeString(s, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value instanceof BigDecimal d ? plain(d) : value.toString());
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof RawJson raw) {
            out.append(raw.text());
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass());
        }
    }

    /**
     * A number as written: without exponent when that is short, with it otherwise, since the plain form of
     * {@code 1e999999999} would be a billion digits.
     */
    private static String plain(BigDecimal d) {
        int digitsBeforeOrAfterPoint = Math.abs(d.scale()) + d.precision();
        return digitsBeforeOrAfterPoint <= 64 ? d.toPlainString() : d.toString();
    }

    private static void writeString(String s, StringBuilder out) {
        JsonText.appendString(out, s, false);
    }
}
