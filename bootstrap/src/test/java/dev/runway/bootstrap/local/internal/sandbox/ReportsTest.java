package dev.runway.bootstrap.local.internal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReportsTest {

    @Test
    void millisecondsHaveTwoDecimalsAsLambdaPrintsThem() {
        assertThat(Reports.ms(0)).isEqualTo("0.00");
        assertThat(Reports.ms(0.24)).isEqualTo("0.24");
        assertThat(Reports.ms(1.5)).isEqualTo("1.50");
        assertThat(Reports.ms(2.005001)).isEqualTo("2.01");
        assertThat(Reports.ms(1234.567)).isEqualTo("1234.57");
        for (double value = 0; value < 50; value += 0.0137) {
            assertThat(Reports.ms(value)).as("%s", value).isEqualTo(String.format(Locale.ROOT, "%.2f", value));
        }
    }

    @Test
    void billedDurationRoundsUpAndIncludesTheInit() {
        assertThat(Reports.billedMs(0.24, -1)).isEqualTo(1);
        assertThat(Reports.billedMs(0.24, 100.5)).isEqualTo(101);
    }
}
