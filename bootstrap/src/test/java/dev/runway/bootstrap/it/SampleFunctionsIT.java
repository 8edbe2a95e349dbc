package dev.runway.bootstrap.it;

import dev.runway.ric.testing.RecordedPost;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sample functions, from the zip users upload, run by the real {@code bootstrap}: what the platform
 * receives for each.
 */
class SampleFunctionsIT extends BootstrapTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path function = Distribution.sampleFunction();

    @Test
    void helloAnswersItsPojoAsJsonAndServesTheNextInvocationToo() {
        RunningProcess process = startBootstrap(function, "dev.runway.samples.hello.HelloHandler", Map.of());

        RecordedPost first = invoke(process, "{\"name\":\"Ada\"}");
        RecordedPost second = invoke(process, "{\"name\":\"Grace\"}");

        assertThat(first.kind()).isEqualTo(RecordedPost.Kind.RESPONSE);
        assertThat(first.bodyText()).isEqualTo("{\"message\":\"Hello, Ada!\"}");
        assertThat(second.bodyText()).isEqualTo("{\"message\":\"Hello, Grace!\"}");
        assertThat(process.isAlive()).isTrue();
    }

    @Test
    void streamHandlerAnswersTheEventsBytesInUpperCase() {
        RunningProcess process = startBootstrap(function, "dev.runway.samples.stream.UppercaseHandler", Map.of());

        RecordedPost result = invoke(process, "\"hello, runway\"");

        assertThat(result.kind()).isEqualTo(RecordedPost.Kind.RESPONSE);
        assertThat(result.bodyText()).isEqualTo("\"HELLO, RUNWAY\"");
    }

    @Test
    void httpApiHandlerAnswersAnApiGatewayResponse() throws IOException {
        RunningProcess process = startBootstrap(function, "dev.runway.samples.http.HttpApiHandler", Map.of());

        RecordedPost result = invoke(process, Events.HTTP_API_GET_HELLO);

        assertThat(result.kind()).as(result.bodyText()).isEqualTo(RecordedPost.Kind.RESPONSE);
        JsonNode response = JSON.readTree(result.body());
        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(response.path("headers").path("content-type").asText()).isEqualTo("application/json");
        assertThat(response.path("body").asText()).isEqualTo("{\"greeting\":\"Hello, Ada!\",\"path\":\"/hello\"}");
    }

    @Test
    void sqsHandlerReportsOnlyTheFailedMessages() throws IOException {
        RunningProcess process = startBootstrap(function, "dev.runway.samples.sqs.SqsBatchHandler", Map.of());

        RecordedPost result = invoke(process, Events.SQS_TWO_MESSAGES_ONE_BAD);

        assertThat(result.kind()).as(result.bodyText()).isEqualTo(RecordedPost.Kind.RESPONSE);
        assertThat(JSON.readTree(result.body()))
                .isEqualTo(JSON.readTree("{\"batchItemFailures\":[{\"itemIdentifier\":\"2e1424d4-f796-459a-8184-9c92662be6da\"}]}"));
    }

    @Test
    void aThrowingHandlerIsReportedAsAnErrorWithItsCauses() throws IOException {
        RunningProcess process = startBootstrap(function, "dev.runway.samples.failing.FailingHandler", Map.of());

        RecordedPost result = invoke(process, "{\"orderId\":42}");

        assertThat(result.kind()).isEqualTo(RecordedPost.Kind.ERROR);
        assertThat(result.header("Lambda-Runtime-Function-Error-Type")).matches("(Runtime|Function)\\.[A-Z][a-zA-Z]+");
        JsonNode error = JSON.readTree(result.body());
        assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.path("errorMessage").asText()).isEqualTo("Order 42 cannot be shipped");
        assertThat(error.path("stackTrace").isArray()).isTrue();
        assertThat(error.path("stackTrace").toString())
                .contains("dev.runway.samples.failing.FailingHandler")
                .contains("java.io.UncheckedIOException")
                .contains("Connection refused");
        assertThat(process.isAlive()).as("the runtime goes on after a failed invocation").isTrue();
    }

    @Test
    void aHandlerThatCannotBeLoadedIsAnInitErrorAndTheProcessExits() throws IOException {
        RunningProcess process = startBootstrap(function, "dev.runway.samples.NoSuchHandler", Map.of());

        RecordedPost initError = takePost(process);

        assertThat(initError.kind()).as(initError.bodyText()).isEqualTo(RecordedPost.Kind.INIT_ERROR);
        assertThat(initError.header("Lambda-Runtime-Function-Error-Type")).matches("(Runtime|Function)\\.[A-Z][a-zA-Z]+");
        JsonNode error = JSON.readTree(initError.body());
        assertThat(error.path("errorType").asText()).isNotBlank();
        assertThat(error.path("errorMessage").asText()).contains("dev.runway.samples.NoSuchHandler");
        assertThat(process.exitStatus(WAIT)).isNotZero();
    }
}
