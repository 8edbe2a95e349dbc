package dev.runway.wire.internal.json;

/**
 * The bounds {@link JsonReader} holds a document to, so that a hostile or broken one costs a bounded amount of
 * stack, memory and time and ends in a {@link JsonException} instead of a {@link StackOverflowError} or an
 * allocation of a billion digits.
 *
 * @param maxChars the longest document, in chars
 * @param maxDepth the deepest nesting of arrays and objects (the outermost counts as 1)
 * @param maxNumberChars the longest number, sign, digits, point and exponent included
 * @param maxExponent the largest magnitude of a number's exponent ({@code 1e1000} has 1000)
 */
public record JsonLimits(int maxChars, int maxDepth, int maxNumberChars, int maxExponent) {

    /**
     * The limits of every reader in Runway unless a caller has a reason for others.
     *
     * <ul>
     *   <li>8 Mi chars: the largest document the SDK reads is a Telemetry API batch, at most twice the largest
     *       buffering size (1 MiB) plus metadata, about 2.1 MiB; four times that leaves room and still bounds
     *       what a broken sender can make the reader build.</li>
     *   <li>depth 128: no document the platform sends nests deeper than a few levels; the bound keeps a hostile one
     *       (a 10 KB telemetry POST of brackets) from exhausting the stack of the thread that reads it.</li>
     *   <li>1000 chars per number: Jackson's default; parsing a number is not linear in its length.</li>
     *   <li>exponent 1000: past every double (about 1e308) and every decimal the platform writes, and small enough
     *       that a caller's {@code toPlainString()} or {@code toBigInteger()} on the value makes a few thousand
     *       digits, not the billion of {@code 1e999999999}.</li>
     * </ul>
     */
    public static final JsonLimits DEFAULTS = new JsonLimits(8 * 1024 * 1024, 128, 1000, 1000);

    /** Checks that every bound is positive. */
    public JsonLimits {
        if (maxChars < 1 || maxDepth < 1 || maxNumberChars < 1 || maxExponent < 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxChars + ", " + maxDepth + ", "
                    + maxNumberChars + ", " + maxExponent);
        }
    }
}
