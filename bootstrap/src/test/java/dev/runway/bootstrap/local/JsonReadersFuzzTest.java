package dev.runway.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runway.bootstrap.local.internal.json.Json;
import dev.runway.wire.testing.JsonDocuments;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Local mode's JSON reader (Jackson's streaming parser turned into plain Java values under local mode's limits)
 * against Jackson's tree model as the oracle, on RFC 8259 documents: every value Jackson reads, it reads to the same
 * value. Mutated documents: only its typed parse error, never another exception. The wire module's reader, which the
 * runtime and the extensions SDK use, has its own fuzz test (wire's JsonFuzzTest). Fixed seeds; docs/reliability.md
 * has the longer run.
 */
class JsonReadersFuzzTest {

    private static final ObjectMapper JACKSON = JsonDocuments.JACKSON;

    @Property(seed = "1411")
    void theReaderAgreesWithJacksonOnValidDocuments(@ForAll("documents") String document) throws Exception {
        JsonNode oracle = JACKSON.readTree(document);
        assertThat(JsonDocuments.canonical(Json.parse(document))).isEqualTo(JsonDocuments.canonical(oracle));
    }

    @Property(seed = "1412")
    void mutatedDocumentsFailOnlyWithTheReadersOwnError(@ForAll("documents") String document,
            @ForAll("positions") List<Integer> cuts) {
        StringBuilder mutated = new StringBuilder(document);
        for (int cut : cuts) {
            if (mutated.length() > 0) {
                int at = cut % mutated.length();
                String replacements = "{}[]\",:\\-+.eE0tfn \ud800";
                mutated.setCharAt(at, replacements.charAt(cut % replacements.length()));
            }
        }
        String text = mutated.toString();
        try {
            Json.parse(text);
        } catch (RuntimeException e) {
            assertThat(e).isInstanceOf(dev.runway.bootstrap.local.internal.json.JsonException.class);
        }
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
