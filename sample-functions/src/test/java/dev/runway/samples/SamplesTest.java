package dev.runway.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.runway.samples.failing.FailingHandler;
import dev.runway.samples.hello.HelloHandler;
import dev.runway.samples.hello.HelloRequest;
import dev.runway.samples.http.HttpApiHandler;
import dev.runway.samples.sqs.SqsBatchHandler;
import dev.runway.samples.stream.UppercaseHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The samples called directly, without a runtime: what each one computes. */
class SamplesTest {

    private final TestContext context = new TestContext();

    @Test
    void helloGreetsByName() {
        HelloRequest request = new HelloRequest();
        request.setName("Ada");

        assertThat(new HelloHandler().handleRequest(request, context).getMessage()).isEqualTo("Hello, Ada!");
    }

    @Test
    void helloGreetsTheWorldWhenNoNameIsGiven() {
        assertThat(new HelloHandler().handleRequest(new HelloRequest(), context).getMessage())
                .isEqualTo("Hello, world!");
        assertThat(new HelloHandler().handleRequest(null, context).getMessage()).isEqualTo("Hello, world!");
    }

    @Test
    void uppercaseAnswersTheEventInUpperCase() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new UppercaseHandler().handleRequest(
                new ByteArrayInputStream("\"hello, ünïcode\"".getBytes(StandardCharsets.UTF_8)), out, context);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\"HELLO, ÜNÏCODE\"");
    }

    @Test
    void httpApiAnswersGetWithAGreeting() {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRawPath("/hello")
                .withQueryStringParameters(Map.of("name", "Ada \"the first\""))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").build())
                        .build())
                .build();

        APIGatewayV2HTTPResponse response = new HttpApiHandler().handleRequest(event, context);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        assertThat(response.getBody()).isEqualTo("{\"greeting\":\"Hello, Ada \\\"the first\\\"!\",\"path\":\"/hello\"}");
    }

    @Test
    void httpApiRefusesOtherMethods() {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withRawPath("/hello")
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("DELETE").build())
                        .build())
                .build();

        assertThat(new HttpApiHandler().handleRequest(event, context).getStatusCode()).isEqualTo(405);
    }

    @Test
    void sqsReportsOnlyTheFailedMessages() {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message("m-1", "ok"), message("m-2", "fail: bad"), message("m-3", " ")));

        SQSBatchResponse response = new SqsBatchHandler().handleRequest(event, context);

        assertThat(response.getBatchItemFailures())
                .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m-2", "m-3");
        assertThat(context.logged()).hasSize(2);
    }

    @Test
    void failingThrowsWithItsCause() {
        assertThatThrownBy(() -> new FailingHandler().handleRequest(Map.of("orderId", 7), context))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Order 7 cannot be shipped")
                .cause()
                .isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("Connection refused");
    }

    private static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(id);
        message.setBody(body);
        return message;
    }
}
