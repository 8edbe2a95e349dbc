package dev.runway.wire.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runway.wire.testing.JsonDocuments;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The reader, writer and string escaping against Jackson as the oracle. On RFC 8259 documents the reader gives
 * exactly Jackson's values (numbers compared as exact decimals: Jackson reads them as BigDecimal and BigInteger
 * here); mutated documents end only in a {@link JsonException}; what the writer and {@link JsonText} write, Jackson
 * reads back to the same value. Fixed seeds; docs/reliability.md says how to run longer.
 */
class JsonFuzzTest {

    private static final ObjectMapper JACKSON = JsonDocuments.JACKSON;

    @Property(seed = "1601")
    void readsValidDocumentsToJacksonsValues(@ForAll("documents") String document) throws Exception {
        Object value = JsonReader.parse(document);
        assertThat(JsonDocuments.canonical(value)).isEqualTo(JsonDocuments.canonical(JACKSON.readTree(document)));
    }

    @Property(seed = "1602")
    void splitsAnArrayIntoElementsJacksonReadsAlike(@ForAll("documents") String first,
            @ForAll("documents") String second) throws Exception {
        List<String> elements = JsonReader.arrayElements("[ " + first + " ,\n" + second + " ]");
        assertThat(elements).hasSize(2);
        assertThat(JACKSON.readTree(elements.get(0))).isEqualTo(JACKSON.readTree(first));
        assertThat(JACKSON.readTree(elements.get(1))).isEqualTo(JACKSON.readTree(second));
    }

    @Property(seed = "1603")
    void mutatedDocumentsFailOnlyWithAJsonException(@ForAll("documents") String document,
            @ForAll("positions") List<Integer> cuts) {
        StringBuilder mutated = new StringBuilder(document);
        String replacements = "{}[]\",:\\-+.eE0tfn \ud800\u0001/";
        for (int cut : cuts) {
            if (mutated.length() > 0) {
                mutated.setCharAt(cut % mutated.length(), replacements.charAt(cut % replacements.length()));
            }
        }
        String text = cuts.get(0) % 7 == 0 ? mutated.substring(0, cuts.get(0) % (mutated.length() + 1)) : mutated.toString();
        try {
            JsonReader.parse(text);
        } catch (RuntimeException e) {
            assertThat(e).isInstanceOf(JsonException.class);
        }
        try {
            JsonReader.arrayElements(text);
        } catch (RuntimeException e) {
            assertThat(e).isInstanceOf(JsonException.class);
        }
    }

    @Property(seed = "1604")
    void jacksonReadsWhatTheWriterWrites(@ForAll("documents") String document) throws Exception {
        Object value = JsonReader.parse(document);
        String written = JsonWriter.write(value);
        assertThat(JsonDocuments.canonical(JACKSON.readTree(written))).isEqualTo(JsonDocuments.canonical(value));
        assertThat(JsonReader.parse(written)).isEqualTo(value);
    }

    @Property(seed = "1410")
    void jsonTextRoundTripsThroughJackson(@ForAll("anyText") String text, @ForAll boolean asciiOnly) throws Exception {
        StringBuilder out = new StringBuilder();
        JsonText.appendString(out, text, asciiOnly);
        if (asciiOnly) {
            assertThat(out.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).isTrue();
        }
        assertThat(JACKSON.readValue(out.toString(), String.class)).isEqualTo(text);
        assertThat(JsonReader.parse(out.toString())).isEqualTo(text);
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withChars('\ud800', '\udc00', '\udfff', '"', '\\', '\u0000', '\u2028', 'a', '\u007f')
                        .ofMaxLength(50));
    }

    @Provide
    Arbitrary<String> documents() {
        return JsonDocuments.documents();
    }

    @Provide
    Arbitrary<List<Integer>> positions() {
        return JsonDocuments.positions();
    }
}
