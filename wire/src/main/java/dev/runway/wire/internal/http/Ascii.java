package dev.runway.wire.internal.http;

import java.nio.charset.StandardCharsets;

/** Byte-level ASCII helpers of the framing code. */
final class Ascii {

    /** tchar of RFC 9110 section 5.6.2: the bytes a field name (a token) may hold. */
    private static final boolean[] TOKEN = new boolean[128];

    static {
        for (int c = '0'; c <= '9'; c++) {
            TOKEN[c] = true;
        }
        for (int c = 'a'; c <= 'z'; c++) {
            TOKEN[c] = true;
            TOKEN[c - 'a' + 'A'] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TOKEN[c] = true;
        }
    }

    private Ascii() {}

    static boolean isToken(int b) {
        return b >= 0 && b < 128 && TOKEN[b];
    }

    static boolean isWhitespace(int b) {
        return b == ' ' || b == '\t';
    }

    static int lower(int b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    /** Whether {@code bytes} at {@code offset} hold {@code lower}, ignoring ASCII case; the caller checked the length. */
    static boolean equalsIgnoreCase(byte[] lower, byte[] bytes, int offset) {
        for (int i = 0; i < lower.length; i++) {
            if (lower(bytes[offset + i]) != lower[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code bytes[from, to)} equal {@code lower}, ignoring ASCII case. */
    static boolean rangeEqualsIgnoreCase(byte[] lower, byte[] bytes, int from, int to) {
        return to - from == lower.length && equalsIgnoreCase(lower, bytes, from);
    }

    static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }

    /** At most 200 bytes of a line, for an error message. */
    static String excerpt(byte[] bytes, int from, int to) {
        return new String(bytes, from, Math.max(0, Math.min(to - from, 200)), StandardCharsets.ISO_8859_1);
    }
}
