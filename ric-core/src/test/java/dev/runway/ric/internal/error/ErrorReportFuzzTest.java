package dev.runway.ric.internal.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runway.ric.internal.api.ErrorPost;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Fuzzes the error report with hostile throwables: messages of any chars (lone surrogates, controls, up to 10 MB),
 * frames with any names, cause chains with cycles, accessors that throw. The report never throws, its body is
 * valid JSON under 6 MiB, and its X-Ray header is ASCII JSON within the runtime's cap (which local mode's request
 * head limit holds, see ExposureTest). The string escaping itself is fuzzed against Jackson in module wire
 * ({@code JsonFuzzTest}).
 */
class ErrorReportFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SIX_MIB = 6 * 1024 * 1024;

    @Property(seed = "1409")
    void aHostileThrowableGivesAValidBoundedReport(@ForAll("hostile") Recipe recipe) throws Exception {
        // Built here, not by the generator: the test framework would call the accessors that throw.
        check(chain(recipe.links(), recipe.cycleTo()));
    }

    private static void check(Throwable error) throws Exception {
        ErrorReport report = ErrorReport.of(error);
        ErrorPost post = report.toPost(ErrorTypes.USER_EXCEPTION, error);
        assertThat(post.body().length).isLessThan(SIX_MIB);
        JsonNode body = JSON.readTree(post.body());
        assertThat(body.get("errorType").isTextual()).isTrue();
        assertThat(body.get("errorMessage").isTextual()).isTrue();
        if (post.xrayCause() != null) {
            assertThat(post.xrayCause().length()).isLessThanOrEqualTo(ErrorReport.MAX_XRAY_CAUSE_BYTES);
            assertThat(post.xrayCause().chars().allMatch(c -> c >= 0x20 && c < 0x7f)).isTrue();
            JSON.readTree(post.xrayCause());
        }
        JSON.readTree(report.minimal().toJson());
    }

    @Example
    void tenMegabytesOfMessageInEveryLinkOfALongChain() throws Exception {
        Throwable error = new RuntimeException("\u00e9".repeat(10 * 1024 * 1024));
        for (int i = 0; i < 50; i++) {
            error = new RuntimeException("\ud800".repeat(1024 * 1024), error);
        }
        check(error);
    }

    @Provide
    Arbitrary<Recipe> hostile() {
        Arbitrary<String> message = Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.strings().all().ofMaxLength(300).injectNull(0.2)),
                Tuple.of(1, Arbitraries.integers().between(70_000, 300_000).map(n -> "\u0001\ud800".repeat(n / 2))));
        Arbitrary<StackTraceElement> frame = Combinators.combine(
                Arbitraries.strings().all().ofMinLength(0).ofMaxLength(600),
                Arbitraries.strings().all().ofMaxLength(100),
                Arbitraries.strings().all().ofMaxLength(100).injectNull(0.3),
                Arbitraries.integers().between(-3, 100_000))
                .as((cls, method, file, line) -> new StackTraceElement(cls, method, file, line));
        Arbitrary<StackTraceElement[]> frames = Arbitraries.frequencyOf(
                Tuple.of(20, frame.array(StackTraceElement[].class).ofMaxSize(40)),
                Tuple.of(1, frame.array(StackTraceElement[].class).ofMinSize(1500).ofMaxSize(2000)));
        Arbitrary<Link> link = Combinators.combine(message, frames, Arbitraries.integers().between(0, 15))
                .as(Link::new);
        return Combinators.combine(link.list().ofMinSize(1).ofMaxSize(8), Arbitraries.integers().between(-1, 7))
                .as(Recipe::new);
    }

    /** How to build a hostile chain: its links, and which one the last points back to (-1: no cycle). */
    record Recipe(List<Link> links, int cycleTo) {
        @Override
        public String toString() {
            return "Recipe" + links.stream().map(Link::toString).toList() + " cycleTo " + cycleTo;
        }
    }

    /** One throwable of the chain: its message, frames, and which of its accessors throw (a bit set). */
    record Link(String message, StackTraceElement[] frames, int failing) {
        @Override
        public String toString() {
            return "(message " + (message == null ? "null" : message.length() + " chars") + ", " + frames.length
                    + " frames, failing " + failing + ")";
        }
    }

    private static Throwable chain(List<Link> links, int cycleTo) {
        Hostile[] made = new Hostile[links.size()];
        for (int i = links.size() - 1; i >= 0; i--) {
            Link l = links.get(i);
            made[i] = new Hostile(l.message(), l.failing());
            made[i].setStackTrace(l.frames());
            if (i + 1 < made.length) {
                made[i].initCause(made[i + 1]);
            }
        }
        if (cycleTo >= 0 && cycleTo < made.length - 1) {
            made[made.length - 1].initCause(made[cycleTo]);
        }
        return made[0];
    }

    /** A throwable whose getMessage (1), getCause (2), getStackTrace (4) or toString (8) may throw. */
    static final class Hostile extends RuntimeException {
        private final int failing;

        Hostile(String message, int failing) {
            super(message);
            this.failing = failing;
        }

        @Override
        public String getMessage() {
            if ((failing & 1) != 0) {
                throw new IllegalStateException("getMessage");
            }
            return super.getMessage();
        }

        @Override
        public synchronized Throwable getCause() {
            if ((failing & 2) != 0) {
                throw new StackOverflowError("getCause");
            }
            return super.getCause();
        }

        @Override
        public StackTraceElement[] getStackTrace() {
            if ((failing & 4) != 0) {
                throw new IllegalStateException("getStackTrace");
            }
            return super.getStackTrace();
        }

        @Override
        public String toString() {
            if ((failing & 8) != 0) {
                throw new IllegalStateException("toString");
            }
            return super.toString();
        }
    }
}
