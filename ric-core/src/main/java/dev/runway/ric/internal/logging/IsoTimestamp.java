package dev.runway.ric.internal.logging;

/**
 * Writes an instant as {@code 2026-11-21T08:15:30.123Z}: ISO-8601 in UTC with milliseconds, the JSON
 * {@code timestamp} of the managed runtime, but computed in UTC (the managed runtime formats local time and
 * labels it {@code Z}). No {@code DateTimeFormatter}: it allocates per call. The date and time up to the second
 * are cached, since consecutive records usually share them. Not thread-safe: used under the writer's lock.
 */
final class IsoTimestamp {

    private static final int PREFIX_LENGTH = 19; // yyyy-MM-ddTHH:mm:ss

    private final byte[] prefix = new byte[PREFIX_LENGTH];
    private long cachedSecond = Long.MIN_VALUE;

    /** Appends the instant {@code epochMillis}, quoted as a JSON string. */
    void appendQuoted(FrameBuffer out, long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        if (second != cachedSecond) {
            formatPrefix(second);
            cachedSecond = second;
        }
        out.append((byte) '"');
        out.append(prefix);
        out.append((byte) '.');
        out.appendPadded((int) Math.floorMod(epochMillis, 1000), 3);
        out.append((byte) 'Z');
        out.append((byte) '"');
    }

    private void formatPrefix(long epochSecond) {
        long days = Math.floorDiv(epochSecond, 86_400);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400);
        // Days since 1970-01-01 to a proleptic Gregorian date, counting in 400-year eras that start on March 1st
        // so that the leap day is the last day of a year.
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthIndex = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
        int month = (int) (monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        put(0, year, 4);
        prefix[4] = '-';
        put(5, month, 2);
        prefix[7] = '-';
        put(8, day, 2);
        prefix[10] = 'T';
        put(11, secondOfDay / 3600, 2);
        prefix[13] = ':';
        put(14, secondOfDay / 60 % 60, 2);
        prefix[16] = ':';
        put(17, secondOfDay % 60, 2);
    }

    private void put(int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            prefix[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
