package dev.runway.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runway.ric.internal.logging.InvocationLogContext;
import dev.runway.ric.internal.logging.LogSettings;
import dev.runway.ric.internal.logging.RuntimeLogging;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The provider as SLF4J finds it, writing through a runtime logging installed in this JVM, without a telemetry
 * descriptor: records are lines on the standard output the runtime found, captured here.
 */
class RunwaySlf4jTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream originalOut = System.out;
    private RuntimeLogging logging;

    private void install(Map<String, String> env) {
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        logging = RuntimeLogging.install(LogSettings.from(env), false);
    }

    @AfterEach
    void uninstall() {
        if (logging != null) {
            logging.close();
        }
        System.setOut(originalOut);
    }

    private List<String> lines() {
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void slf4jFindsThisProvider() {
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(RunwayLoggerFactory.class);
        assertThat(MDC.getMDCAdapter()).isInstanceOf(RunwayMdcAdapter.class);
    }

    @Test
    void jsonRecordsCarryTheRequestTheLoggerTheMdcAndTheException() throws Exception {
        install(Map.of("AWS_LAMBDA_LOG_FORMAT", "JSON"));
        InvocationLogContext invocations = new InvocationLogContext(logging, getClass().getClassLoader());
        Logger log = LoggerFactory.getLogger("com.example.Orders");

        InvocationLogContext.Scope scope = invocations.open("req-42", "tenant-1", "Root=1-abc;Sampled=1");
        assertThat(MDC.get("AWSRequestId")).isEqualTo("req-42");
        assertThat(MDC.get("AWS-XRAY-TRACE-ID")).isEqualTo("Root=1-abc;Sampled=1");
        MDC.put("orderId", "o-7");
        log.info("priced {} items for {}", 3, "alice");
        log.atWarn().addKeyValue("attempt", 2).log("retrying");
        log.error("failed to charge {}", "o-7", new IllegalStateException("card declined"));
        MDC.remove("orderId");
        invocations.close(scope);
        assertThat(MDC.get("AWSRequestId")).isNull();
        log.info("between invocations");

        List<String> lines = lines();
        assertThat(lines).hasSize(4);
        JsonNode info = JSON.readTree(lines.get(0));
        assertThat(info.get("level").asText()).isEqualTo("INFO");
        assertThat(info.get("message").asText()).isEqualTo("priced 3 items for alice");
        assertThat(info.get("logger").asText()).isEqualTo("com.example.Orders");
        assertThat(info.get("AWSRequestId").asText()).isEqualTo("req-42");
        assertThat(info.get("tenantId").asText()).isEqualTo("tenant-1");
        assertThat(info.get("orderId").asText()).isEqualTo("o-7");
        assertThat(info.get("AWS-XRAY-TRACE-ID").asText()).isEqualTo("Root=1-abc;Sampled=1");

        JsonNode warn = JSON.readTree(lines.get(1));
        assertThat(warn.get("attempt").asInt()).isEqualTo(2);
        assertThat(warn.get("message").asText()).isEqualTo("retrying");

        JsonNode error = JSON.readTree(lines.get(2));
        assertThat(error.get("message").asText()).isEqualTo("failed to charge o-7");
        assertThat(error.get("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.get("errorMessage").asText()).isEqualTo("card declined");
        assertThat(error.get("stackTrace").get(0).asText()).startsWith(RunwaySlf4jTest.class.getName() + ".");

        JsonNode after = JSON.readTree(lines.get(3));
        assertThat(after.has("AWSRequestId")).isFalse();
        assertThat(after.has("orderId")).isFalse();
    }

    @Test
    void levelsFollowAwsLambdaLogLevelAndDefaultToInfo() {
        install(Map.of());
        Logger log = LoggerFactory.getLogger("com.example.Levels");
        assertThat(log.isDebugEnabled()).isFalse();
        assertThat(log.isInfoEnabled()).isTrue();
        log.debug("dropped");
        log.info("kept");
        logging.close();

        captured.reset();
        install(Map.of("AWS_LAMBDA_LOG_LEVEL", "DEBUG"));
        assertThat(log.isDebugEnabled()).isTrue();
        assertThat(log.isTraceEnabled()).isFalse();
        log.debug("now kept");
        assertThat(lines()).containsExactly("[DEBUG] com.example.Levels - now kept");
    }

    @Test
    void textRecordsNameTheRequestAndEndWithTheTrace() {
        install(Map.of());
        InvocationLogContext invocations = new InvocationLogContext(logging, getClass().getClassLoader());
        Logger log = LoggerFactory.getLogger("com.example.Text");
        InvocationLogContext.Scope scope = invocations.open("req-7", null, null);
        log.warn("careful", new RuntimeException("why"));
        invocations.close(scope);

        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("[WARN] req-7 com.example.Text - careful\njava.lang.RuntimeException: why\n\tat ");
    }

    @Test
    void theMdcIsNotInheritedByThreadsAThreadStarts() throws Exception {
        MDC.put("k", "v");
        String[] seen = new String[1];
        Thread child = new Thread(() -> seen[0] = MDC.get("k"));
        child.start();
        child.join();
        MDC.remove("k");
        assertThat(seen[0]).isNull();
    }
}
