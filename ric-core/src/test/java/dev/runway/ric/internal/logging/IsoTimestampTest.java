package dev.runway.ric.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoTimestampTest {

    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void matchesTheJdkInUtcForInstantsAcrossFourCenturies() {
        IsoTimestamp timestamp = new IsoTimestamp();
        Random random = new Random(42);
        long min = Instant.parse("1900-01-01T00:00:00Z").toEpochMilli();
        long max = Instant.parse("2300-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 20_000; i++) {
            long millis = min + (long) (random.nextDouble() * (max - min));
            assertThat(format(timestamp, millis)).isEqualTo('"' + REFERENCE.format(Instant.ofEpochMilli(millis)) + '"');
        }
    }

    @Test
    void edgesOfDaysYearsAndLeapDays() {
        IsoTimestamp timestamp = new IsoTimestamp();
        for (String instant : new String[] {"1970-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999Z",
                "2000-02-29T12:00:00.500Z", "2024-02-29T23:59:59.999Z", "2024-03-01T00:00:00.000Z",
                "2100-02-28T23:59:59.001Z", "2026-12-31T23:59:59.999Z"}) {
            assertThat(format(timestamp, Instant.parse(instant).toEpochMilli())).isEqualTo('"' + instant + '"');
        }
    }

    @Test
    void millisecondsChangeWithinACachedSecond() {
        IsoTimestamp timestamp = new IsoTimestamp();
        long base = Instant.parse("2026-11-21T08:15:30Z").toEpochMilli();
        assertThat(format(timestamp, base + 1)).isEqualTo("\"2026-11-21T08:15:30.001Z\"");
        assertThat(format(timestamp, base + 999)).isEqualTo("\"2026-11-21T08:15:30.999Z\"");
        assertThat(format(timestamp, base + 1000)).isEqualTo("\"2026-11-21T08:15:31.000Z\"");
    }

    private static String format(IsoTimestamp timestamp, long millis) {
        FrameBuffer buffer = new FrameBuffer();
        timestamp.appendQuoted(buffer, millis);
        return new String(Arrays.copyOfRange(buffer.array(), FrameBuffer.HEADER_BYTES, buffer.size()), StandardCharsets.US_ASCII);
    }
}
