package dev.runway.ric.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import org.junit.jupiter.api.Test;

class FrameTypeTest {

    @Test
    void typeWordsAreTheOfficialRuntimes() {
        for (LogLevel level : LogLevel.values()) {
            for (LogFormat format : LogFormat.values()) {
                assertThat(FrameType.of(level, format)).as(level + " " + format).isEqualTo(
                        com.amazonaws.services.lambda.runtime.api.client.logging.FrameType.getValue(level, format));
            }
        }
    }

    @Test
    void spelledOut() {
        assertThat(FrameType.of(LogLevel.INFO, LogFormat.TEXT)).isEqualTo(0xA55A000F);
        assertThat(FrameType.of(LogLevel.ERROR, LogFormat.JSON)).isEqualTo(0xA55A0016);
        assertThat(FrameType.of(LogLevel.FATAL, LogFormat.TEXT)).isEqualTo(0xA55A001B);
    }
}
