package dev.runway.wire.internal.json;

import java.math.BigDecimal;

/**
 * Reads one number in place for {@link JsonReader}, by RFC 8259 section 6's grammar
 * ({@code [ minus ] int [ frac ] [ exp ]}, no leading zero, digits after a point and after an exponent), and
 * holds it to {@link JsonLimits#maxNumberChars()} and {@link JsonLimits#maxExponent()}.
 */
final class JsonNumbers {

    /** 18 digits always fit a long (its largest value has 19). */
    private static final int ALWAYS_LONG_DIGITS = 18;

    private JsonNumbers() {}

    /** @return a {@code Long} for an integer that fits one, a {@code BigDecimal} for every other number */
    static Number read(JsonReader reader) {
        String text = reader.text();
        int start = reader.position();
        int pos = start;
        if (pos < text.length() && text.charAt(pos) == '-') {
            pos++;
        }
        int digitsStart = pos;
        if (pos < text.length() && text.charAt(pos) == '0') {
            pos++;
            if (pos < text.length() && isDigit(text.charAt(pos))) {
                throw fail(pos, "a number with a leading zero");
            }
        } else {
            pos = digits(reader, pos, "a digit");
        }
        int intDigits = pos - digitsStart;
        boolean integer = true;
        if (pos < text.length() && text.charAt(pos) == '.') {
            integer = false;
            pos = digits(reader, pos + 1, "a digit after the decimal point");
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            integer = false;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            int exponentStart = pos;
            pos = digits(reader, pos, "a digit in the exponent");
            checkExponent(reader, text, exponentStart, pos);
        }
        if (pos - start > reader.limits().maxNumberChars()) {
            throw fail(start, "a number of " + (pos - start) + " chars, more than the limit of "
                    + reader.limits().maxNumberChars());
        }
        reader.position(pos);
        if (integer && intDigits <= ALWAYS_LONG_DIGITS) {
            return Long.parseLong(text, start, pos, 10);
        }
        if (integer && intDigits == ALWAYS_LONG_DIGITS + 1) {
            try {
                return Long.parseLong(text, start, pos, 10);
            } catch (NumberFormatException pastLong) {
                // a 19-digit integer past Long.MAX_VALUE: a BigDecimal below
            }
        }
        return new BigDecimal(text.substring(start, pos));
    }

    /** @return the position after one or more digits from {@code pos} */
    private static int digits(JsonReader reader, int pos, String expected) {
        String text = reader.text();
        int start = pos;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw fail(pos, "expected " + expected + ", found "
                    + (pos < text.length() ? JsonReader.describe(text.charAt(pos)) : "the end of the document"));
        }
        return pos;
    }

    /** The exponent's magnitude, leading zeros ignored, against the limit (without parsing a huge one). */
    private static void checkExponent(JsonReader reader, String text, int start, int end) {
        int first = start;
        while (first < end - 1 && text.charAt(first) == '0') {
            first++;
        }
        int max = reader.limits().maxExponent();
        boolean tooLarge = end - first > String.valueOf(max).length()
                || Integer.parseInt(text, first, end, 10) > max;
        if (tooLarge) {
            throw fail(start, "an exponent past the limit of " + max);
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static JsonException fail(int at, String reason) {
        return new JsonException(reason, at);
    }
}
