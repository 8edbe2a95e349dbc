package dev.runway.ric.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonObjectsTest {

    @Test
    void recognisesObjectsBlanksAside() {
        assertThat(looks("{\"a\":1}")).isTrue();
        assertThat(looks("  {\"a\":1}\r\n")).isTrue();
        assertThat(looks("{}")).isTrue();
        assertThat(looks("[1,2]")).isFalse();
        assertThat(looks("{ unterminated")).isFalse();
        assertThat(looks("text {\"a\":1}")).isFalse();
        assertThat(looks("{")).isFalse();
        assertThat(looks("")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"level\":\"ERROR\",\"message\":\"x\"}|ERROR",
        "{\"message\":\"x\", \"level\" : \"debug\"}|DEBUG",
        "{\"level\":\"Warning\"}|WARN",
        "{\"level\":\"critical\"}|FATAL",
        "{\"level\":\"trace\"}|TRACE",
        "{\"level\":\"fatal\"}|FATAL",
        "{\"nested\":{\"level\":\"ERROR\"},\"msg\":\"x\"}|INFO",
        "{\"list\":[{\"level\":\"ERROR\"}]}|INFO",
        "{\"message\":\"\\\"level\\\":\\\"ERROR\\\"\"}|INFO",
        "{\"message\":\"level\"}|INFO",
        "{\"level\":3}|INFO",
        "{\"level\":\"LOUD\"}|INFO",
        "{\"level\":\"ERR|INFO",
        "{\"a\":{\"b\":1},\"level\":\"WARN\"}|WARN",
    })
    void readsTheTopLevelLevel(String json, LogLevel expected) {
        assertThat(JsonObjects.level(json, json.length(), LogLevel.INFO)).isEqualTo(expected);
        byte[] bytes = ("xx" + json).getBytes(StandardCharsets.UTF_8);
        assertThat(JsonObjects.level(bytes, 2, bytes.length - 2, LogLevel.INFO)).isEqualTo(expected);
    }

    private static boolean looks(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        boolean chars = JsonObjects.looksLikeObject(text, text.length());
        assertThat(JsonObjects.looksLikeObject(bytes, 0, bytes.length)).isEqualTo(chars);
        return chars;
    }
}
