package dev.runway.ric.internal.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import dev.runway.ric.testing.handlers.Failures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bodyHasTheThreeFieldsOfThePlatform() throws Exception {
        JsonNode body = JSON.readTree(ErrorReport.of(new IllegalArgumentException("bad \"input\"\n\u00e9")).toJson());
        assertThat(body.get("errorType").asText()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(body.get("errorMessage").asText()).isEqualTo("bad \"input\"\n\u00e9");
        assertThat(body.get("stackTrace").isArray()).isTrue();
        assertThat(body.size()).isEqualTo(3);
    }

    @Test
    void exceptionWithoutMessageIsNamedByItsClass() {
        assertThat(ErrorReport.of(new NullPointerException()).errorMessage()).isEqualTo("java.lang.NullPointerException");
    }

    @Test
    void reportWithoutStackTraceOmitsTheField() throws Exception {
        JsonNode body = JSON.readTree(ErrorReport.withoutStackTrace("java.lang.ClassNotFoundException", "Class not found: x").toJson());
        assertThat(body.has("stackTrace")).isFalse();
    }

    @Test
    void causeCycleEndsTheChain() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        List<String> trace = ErrorReport.of(a).stackTrace();
        assertThat(trace).filteredOn(l -> l.startsWith("Caused by:")).containsExactly("Caused by: java.lang.Exception: b");
    }

    @Test
    void framesSharedWithTheEnclosingTraceAreFolded() {
        StackTraceElement main = new StackTraceElement("com.example.App", "main", "App.java", 3);
        StackTraceElement run = new StackTraceElement("com.example.App", "run", "App.java", 7);
        Exception cause = new Exception("inner");
        cause.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.example.Db", "query", "Db.java", 1), run, main});
        Exception outer = new Exception("outer", cause);
        outer.setStackTrace(new StackTraceElement[] {new StackTraceElement("com.example.App", "run", "App.java", 9), main});
        assertThat(ErrorReport.of(outer).stackTrace()).containsExactly(
                "com.example.App.run(App.java:9)",
                "com.example.App.main(App.java:3)",
                "Caused by: java.lang.Exception: inner",
                "com.example.Db.query(Db.java:1)",
                "com.example.App.run(App.java:7)",
                "... 1 more");
    }

    @Test
    void runtimeFramesAndTheReflectionLeadingIntoTheHandlerAreCut() {
        Exception e = new Exception("x");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("com.example.Handler", "handle", "Handler.java", 10),
            new StackTraceElement("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke", null, -1),
            new StackTraceElement("dev.runway.ric.internal.loop.InvocationLoop", "handle", "InvocationLoop.java", 5),
            new StackTraceElement("java.lang.Thread", "run", "Thread.java", 1),
        });
        assertThat(ErrorReport.of(e).stackTrace()).containsExactly("com.example.Handler.handle(Handler.java:10)");
    }

    @Test
    void xrayCauseIsAsciiJsonWithTheWholeChain() throws Exception {
        Exception e = Failures.withCause("caf\u00e9", "inner");
        String cause = ErrorReport.xrayCause(e, Integer.MAX_VALUE);
        assertThat(StandardCharsets.US_ASCII.newEncoder().canEncode(cause)).isTrue();
        JsonNode json = JSON.readTree(cause);
        assertThat(json.get("exceptions")).hasSize(2);
        assertThat(json.get("exceptions").get(0).get("message").asText()).isEqualTo("caf\u00e9");
        assertThat(json.get("paths").toString()).contains("Failures.java");
        assertThat(json.has("working_directory")).isTrue();
    }

    @Test
    void loneSurrogatesStayValidJson() throws Exception {
        String broken = "x\ud800y";
        JsonNode body = JSON.readTree(ErrorReport.withoutStackTrace("t", broken).toJson());
        assertThat(body.get("errorMessage").asText()).isEqualTo(broken);
    }
}
