package dev.runway.ric.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.runway.ric.internal.env.InvalidEnvironmentException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogSettingsTest {

    @Test
    void defaultsAreTextUnfilteredApplicationOutputInfoForSlf4jAndAQuietRuntime() {
        LogSettings settings = LogSettings.from(Map.of());
        assertThat(settings.format()).isEqualTo(LogFormat.TEXT);
        assertThat(settings.applicationLevel()).isEqualTo(LogLevel.TRACE);
        assertThat(settings.slf4jLevel()).isEqualTo(LogLevel.INFO);
        assertThat(settings.runtimeLevel()).isEqualTo(LogLevel.WARN);
        assertThat(settings.framed()).isFalse();
    }

    @Test
    void valuesAreCaseInsensitiveAndTheLambdaLevelAppliesToEveryPath() {
        LogSettings settings = LogSettings.from(Map.of("AWS_LAMBDA_LOG_FORMAT", "json", "AWS_LAMBDA_LOG_LEVEL", " Debug ",
                "_LAMBDA_TELEMETRY_LOG_FD", "3"));
        assertThat(settings.format()).isEqualTo(LogFormat.JSON);
        assertThat(settings.applicationLevel()).isEqualTo(LogLevel.DEBUG);
        assertThat(settings.slf4jLevel()).isEqualTo(LogLevel.DEBUG);
        assertThat(settings.runtimeLevel()).isEqualTo(LogLevel.WARN);
        assertThat(settings.telemetryFd()).isEqualTo(3);
    }

    @Test
    void theRuntimeIsAsQuietAsTheFunctionAskedUnlessRunwayLogLevelSaysOtherwise() {
        assertThat(LogSettings.from(Map.of("AWS_LAMBDA_LOG_LEVEL", "ERROR")).runtimeLevel()).isEqualTo(LogLevel.ERROR);
        assertThat(LogSettings.from(Map.of("AWS_LAMBDA_LOG_LEVEL", "ERROR", "RUNWAY_LOG_LEVEL", "debug")).runtimeLevel())
                .isEqualTo(LogLevel.DEBUG);
    }

    @Test
    void unknownValuesAreConfigurationErrorsThatSayWhatIsAccepted() {
        assertThatThrownBy(() -> LogSettings.from(Map.of("AWS_LAMBDA_LOG_FORMAT", "XML")))
                .isInstanceOf(InvalidEnvironmentException.class)
                .hasMessage("AWS_LAMBDA_LOG_FORMAT must be Text or JSON, got 'XML'");
        assertThatThrownBy(() -> LogSettings.from(Map.of("AWS_LAMBDA_LOG_LEVEL", "VERBOSE")))
                .isInstanceOf(InvalidEnvironmentException.class)
                .hasMessage("AWS_LAMBDA_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR or FATAL, got 'VERBOSE'");
        assertThatThrownBy(() -> LogSettings.from(Map.of("RUNWAY_LOG_LEVEL", "UNDEFINED")))
                .hasMessageStartingWith("RUNWAY_LOG_LEVEL must be one of");
        assertThatThrownBy(() -> LogSettings.from(Map.of("_LAMBDA_TELEMETRY_LOG_FD", "three")))
                .hasMessage("_LAMBDA_TELEMETRY_LOG_FD must be a file descriptor number, got 'three'");
    }
}
