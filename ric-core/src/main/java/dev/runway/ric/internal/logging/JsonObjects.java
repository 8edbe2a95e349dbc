package dev.runway.ric.internal.logging;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;

/**
 * Recognises output that is already a JSON log object, such as a line of Powertools, of Logback's or Log4j's
 * JSON layouts, or of {@code aws-lambda-java-log4j2}: the runtime passes it through as it is instead of wrapping
 * it in a second object, and reads its top-level {@code "level"} (the key the Lambda platform itself reads) so
 * that it is filtered and framed at its own level.
 */
final class JsonObjects {

    private JsonObjects() {}

    /** @return whether {@code text[0, len)} starts with '{' and ends with '}', blanks aside */
    static boolean looksLikeObject(CharSequence text, int len) {
        int start = 0;
        while (start < len && isBlank(text.charAt(start))) {
            start++;
        }
        int end = len - 1;
        while (end > start && isBlank(text.charAt(end))) {
            end--;
        }
        return end > start && text.charAt(start) == '{' && text.charAt(end) == '}';
    }

    /** @return whether {@code bytes[off, off + len)} starts with '{' and ends with '}', blanks aside */
    static boolean looksLikeObject(byte[] bytes, int off, int len) {
        int start = off;
        int last = off + len - 1;
        while (start <= last && isBlank((char) bytes[start])) {
            start++;
        }
        while (last > start && isBlank((char) bytes[last])) {
            last--;
        }
        return last > start && bytes[start] == '{' && bytes[last] == '}';
    }

    /** @return the object's top-level {@code "level"}, or {@code fallback} when it has none the runtime knows */
    static LogLevel level(CharSequence text, int len, LogLevel fallback) {
        return level(new Chars(text), len, fallback);
    }

    /** @return the object's top-level {@code "level"}, or {@code fallback} when it has none the runtime knows */
    static LogLevel level(byte[] bytes, int off, int len, LogLevel fallback) {
        return level(new Bytes(bytes, off), len, fallback);
    }

    /**
     * Walks the top level of the object, skipping nested values and string contents, until it meets the key
     * {@code level}. A malformed object gives the fallback.
     */
    private static LogLevel level(Source s, int len, LogLevel fallback) {
        int depth = 0;
        boolean expectKey = false;
        for (int i = 0; i < len; i++) {
            char c = s.at(i);
            if (c == '"') {
                int close = endOfString(s, i + 1, len);
                if (close < 0) {
                    return fallback;
                }
                if (depth == 1 && expectKey && close - i - 1 == 5 && s.regionIs(i + 1, "level")) {
                    int colon = skipBlanks(s, close + 1, len);
                    if (colon < len && s.at(colon) == ':') {
                        int value = skipBlanks(s, colon + 1, len);
                        if (value < len && s.at(value) == '"') {
                            int valueEnd = endOfString(s, value + 1, len);
                            return valueEnd < 0 ? fallback : named(s, value + 1, valueEnd, fallback);
                        }
                    }
                    return fallback;
                }
                expectKey = false;
                i = close;
            } else if (c == '{' || c == '[') {
                depth++;
                expectKey = c == '{' && depth == 1;
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 1) {
                expectKey = true;
            }
        }
        return fallback;
    }

    private static int endOfString(Source s, int from, int len) {
        for (int i = from; i < len; i++) {
            char c = s.at(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static int skipBlanks(Source s, int from, int len) {
        int i = from;
        while (i < len && isBlank(s.at(i))) {
            i++;
        }
        return i;
    }

    private static LogLevel named(Source s, int from, int to, LogLevel fallback) {
        return switch (to - from) {
            case 4 -> s.regionIgnoringCase(from, "INFO") ? LogLevel.INFO : s.regionIgnoringCase(from, "WARN") ? LogLevel.WARN : fallback;
            case 5 -> s.regionIgnoringCase(from, "TRACE") ? LogLevel.TRACE : s.regionIgnoringCase(from, "DEBUG") ? LogLevel.DEBUG
                    : s.regionIgnoringCase(from, "ERROR") ? LogLevel.ERROR : s.regionIgnoringCase(from, "FATAL") ? LogLevel.FATAL : fallback;
            case 7 -> s.regionIgnoringCase(from, "WARNING") ? LogLevel.WARN : fallback;
            case 8 -> s.regionIgnoringCase(from, "CRITICAL") ? LogLevel.FATAL : fallback;
            default -> fallback;
        };
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** The text being scanned, as chars or as UTF-8 bytes: the structure is ASCII either way. */
    private interface Source {
        char at(int i);

        default boolean regionIs(int from, String ascii) {
            for (int k = 0; k < ascii.length(); k++) {
                if (at(from + k) != ascii.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        default boolean regionIgnoringCase(int from, String upperAscii) {
            for (int k = 0; k < upperAscii.length(); k++) {
                char c = at(from + k);
                if ((c >= 'a' && c <= 'z' ? (char) (c - 32) : c) != upperAscii.charAt(k)) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Chars(CharSequence text) implements Source {
        @Override
        public char at(int i) {
            return text.charAt(i);
        }
    }

    private record Bytes(byte[] bytes, int off) implements Source {
        @Override
        public char at(int i) {
            return (char) (bytes[off + i] & 0xff);
        }
    }
}
