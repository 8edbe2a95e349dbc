package dev.runway.ric.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class RunwayLambdaLoggerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingDestination destination = new RecordingDestination();

    private RunwayLambdaLogger logger(LogFormat format, LogLevel threshold) {
        return new RunwayLambdaLogger(new RecordWriter(destination, destination, format, new RequestScopes(false),
                Clock.systemUTC()), threshold);
    }

    @Test
    void unlevelledMessagesAreInfoNeverUndefined() throws Exception {
        RunwayLambdaLogger logger = logger(LogFormat.JSON, LogLevel.TRACE);
        logger.log("plain");
        logger.log("undefined", LogLevel.UNDEFINED);
        logger.log((String) null);
        assertThat(destination.frames).allSatisfy(frame -> assertThat(frame.type()).isEqualTo(0xA55A000E));
        assertThat(JSON.readTree(destination.payloads().get(0)).get("level").asText()).isEqualTo("INFO");
        assertThat(JSON.readTree(destination.payloads().get(1)).get("message").asText()).isEqualTo("undefined");
        assertThat(JSON.readTree(destination.payloads().get(2)).get("message").asText()).isEqualTo("null");
    }

    @Test
    void textShowsTheLevelOnlyWhenOneWasGiven() {
        RunwayLambdaLogger logger = logger(LogFormat.TEXT, LogLevel.TRACE);
        logger.log("plain");
        logger.log("detail", LogLevel.DEBUG);
        logger.log("{\"already\":\"formatted\"}\n".getBytes(StandardCharsets.UTF_8), LogLevel.ERROR);
        assertThat(destination.payloads()).containsExactly("plain", "[DEBUG] detail", "{\"already\":\"formatted\"}\n");
        assertThat(destination.frames.get(2).type()).isEqualTo(0xA55A0017);
    }

    @Test
    void filteringUsesTheLevelAndTreatsUnlevelledAsInfo() {
        RunwayLambdaLogger logger = logger(LogFormat.TEXT, LogLevel.WARN);
        logger.log("info, dropped");
        logger.log("debug, dropped", LogLevel.DEBUG);
        logger.log("warn, kept", LogLevel.WARN);
        logger.log("{\"level\":\"ERROR\",\"m\":1}".getBytes(StandardCharsets.UTF_8));
        logger.log("{\"level\":\"INFO\",\"m\":2}".getBytes(StandardCharsets.UTF_8));
        assertThat(destination.payloads()).containsExactly("[WARN] warn, kept", "{\"level\":\"ERROR\",\"m\":1}");
    }
}
