package dev.runway.ric.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runway.ric.testing.FakeRuntimeApi;
import dev.runway.ric.testing.RecordedPost;
import dev.runway.ric.testing.RuntimeUnderTest;
import dev.runway.ric.testing.handlers.EchoStreamHandler;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad logging settings end init with a clear report, and a runtime leaves the JVM's output as it found it. */
class LoggingConfigurationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path taskRoot;

    private FakeRuntimeApi api;

    @BeforeEach
    void startApi() throws Exception {
        api = FakeRuntimeApi.start();
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AWS_LAMBDA_LOG_FORMAT|XML|AWS_LAMBDA_LOG_FORMAT must be Text or JSON, got 'XML'",
        "AWS_LAMBDA_LOG_LEVEL|VERBOSE|AWS_LAMBDA_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR or FATAL, got 'VERBOSE'",
        "AWS_LAMBDA_LOG_LEVEL|UNDEFINED|AWS_LAMBDA_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR or FATAL, got 'UNDEFINED'",
        "RUNWAY_LOG_LEVEL|loud|RUNWAY_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR or FATAL, got 'loud'",
        "_LAMBDA_TELEMETRY_LOG_FD|fd3|_LAMBDA_TELEMETRY_LOG_FD must be a file descriptor number, got 'fd3'",
    })
    void anUnknownValueIsAnInitErrorWithAClearMessage(String variable, String value, String message) throws Exception {
        RuntimeUnderTest runtime = RuntimeUnderTest.start(api, taskRoot, EchoStreamHandler.class.getName(),
                Map.of(variable, value));
        RecordedPost post = api.takePost();
        assertThat(post.kind()).isEqualTo(RecordedPost.Kind.INIT_ERROR);
        assertThat(post.header("Lambda-Runtime-Function-Error-Type")).isEqualTo("Runtime.InvalidConfiguration");
        JsonNode body = JSON.readTree(post.body());
        assertThat(body.get("errorMessage").asText()).isEqualTo(message);
        assertThat(runtime.awaitExit(Duration.ofSeconds(30))).isEqualTo(1);
        assertThat(api.nextCalls()).isZero();
    }

    @Test
    void aStoppedRuntimeGivesBackSystemOutSystemErrAndLambdaRuntimesLogger() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Object logger = LambdaRuntime.getLogger();
        try (RuntimeUnderTest runtime = RuntimeUnderTest.start(api, taskRoot, EchoStreamHandler.class.getName(), Map.of())) {
            api.enqueue("{}");
            api.takePost();
            assertThat(System.out).isNotSameAs(out);
            assertThat(LambdaRuntime.getLogger()).isNotSameAs(logger);
        }
        assertThat(System.out).isSameAs(out);
        assertThat(System.err).isSameAs(err);
        assertThat(LambdaRuntime.getLogger()).isSameAs(logger);
    }
}
