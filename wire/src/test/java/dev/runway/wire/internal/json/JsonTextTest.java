package dev.runway.wire.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTextTest {

    private static String quoted(String value, boolean asciiOnly) {
        StringBuilder out = new StringBuilder("prefix:");
        JsonText.appendString(out, value, asciiOnly);
        return out.toString();
    }

    @Test
    void escapesWhatJsonRequiresAndAppendsToWhatIsThere() {
        assertThat(quoted("a\"b\\c/\n\r\t\b\f\u0000\u001f\u007f", false))
                .isEqualTo("prefix:\"a\\\"b\\\\c/\\n\\r\\t\\b\\f\\u0000\\u001f\u007f\"");
        assertThat(quoted("", false)).isEqualTo("prefix:\"\"");
    }

    @Test
    void keepsUnicodeUnlessAsciiOnly() {
        assertThat(quoted("é\u2028\ud83d\ude00", false)).isEqualTo("prefix:\"é\u2028\ud83d\ude00\"");
        assertThat(quoted("é\u2028\ud83d\ude00\u007f~", true)).isEqualTo("prefix:\"\\u00e9\\u2028\\ud83d\\ude00\\u007f~\"");
    }

    @Test
    void escapesALoneSurrogateSoThatUtf8CanCarryIt() {
        assertThat(quoted("a\ud800b", false)).isEqualTo("prefix:\"a\\ud800b\"");
        assertThat(quoted("\udc00\ud800", false)).isEqualTo("prefix:\"\\udc00\\ud800\"");
        assertThat(quoted("\ud83d\ude00\ude00", false)).isEqualTo("prefix:\"\ud83d\ude00\\ude00\"");
    }

    @Test
    void theReaderReadsItBack() {
        String all = "\"\\/\b\f\n\r\t\u0000\u0001é\u2028\ud83d\ude00 plain";
        assertThat(JsonReader.parse(quoted(all, false).substring("prefix:".length()))).isEqualTo(all);
        assertThat(JsonReader.parse(quoted(all, true).substring("prefix:".length()))).isEqualTo(all);
    }
}
