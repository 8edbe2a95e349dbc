package dev.runway.ric.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameBufferTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"", "plain ascii", "caf\u00e9 \u00df", "\u4e2d\u6587 \u20ac", "emoji \ud83d\ude00 end",
            "line1\nline2\ttab", "\u0000\u001f\u007f"})
    void encodesUtf8AsTheJdkDoes(String text) {
        FrameBuffer buffer = new FrameBuffer();
        buffer.appendUtf8(text);
        assertThat(payload(buffer)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLoneSurrogateBecomesAQuestionMarkAsTheJdkDoes() {
        String text = "a\ud800b\udc00c";
        FrameBuffer buffer = new FrameBuffer();
        buffer.appendUtf8(text);
        assertThat(payload(buffer)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "quote \" backslash \\ slash /", "controls \n\r\t\b\f \u0001 \u001f", "caf\u00e9 \u4e2d \ud83d\ude00",
            "lone \ud800 surrogate"})
    void jsonStringsReadBackAsTheOriginal(String text) throws Exception {
        FrameBuffer chars = new FrameBuffer();
        chars.appendJsonString(text);
        String expected = text.replace("\ud800", "\ud800");
        assertThat(JSON.readValue(payload(chars), String.class)).isEqualTo(expected);

        if (!text.contains("\ud800")) {
            FrameBuffer bytes = new FrameBuffer();
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            bytes.appendJsonString(utf8, 0, utf8.length);
            assertThat(JSON.readValue(payload(bytes), String.class)).isEqualTo(text);
        }
    }

    @Test
    void onlyTheFirstCharsAreWrittenWhenALengthIsGiven() {
        FrameBuffer buffer = new FrameBuffer();
        buffer.appendUtf8("hello\n", 5);
        buffer.appendJsonString("abc", 2);
        assertThat(new String(payload(buffer), StandardCharsets.UTF_8)).isEqualTo("hello\"ab\"");
    }

    @Test
    void headerIsBigEndianTypeLengthAndMicroseconds() {
        FrameBuffer buffer = new FrameBuffer();
        buffer.appendUtf8("four");
        buffer.putHeader(0xA55A000F, 1_700_000_000_123_456L);
        ByteBuffer header = ByteBuffer.wrap(buffer.array(), 0, 16);
        assertThat(header.getInt()).isEqualTo(0xA55A000F);
        assertThat(header.getInt()).isEqualTo(4);
        assertThat(header.getLong()).isEqualTo(1_700_000_000_123_456L);
        assertThat(Arrays.copyOfRange(buffer.array(), 0, 2)).containsExactly(0xA5 - 256, 0x5A);
    }

    @Test
    void growsForLargeRecordsAndGivesTheMemoryBackAfterwards() {
        FrameBuffer buffer = new FrameBuffer();
        String big = "x".repeat(1 << 20);
        buffer.appendUtf8(big);
        assertThat(buffer.payloadLength()).isEqualTo(1 << 20);
        buffer.reset();
        assertThat(buffer.array().length).isLessThan(1 << 20);
        assertThat(buffer.payloadLength()).isZero();
    }

    private static byte[] payload(FrameBuffer buffer) {
        return Arrays.copyOfRange(buffer.array(), FrameBuffer.HEADER_BYTES, buffer.size());
    }
}
