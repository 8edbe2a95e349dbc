package dev.runway.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.runway.bootstrap.local.internal.events.EventTemplates;
import dev.runway.ric.internal.json.PojoCodecs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every generated event reads into its {@code aws-lambda-java-events} class through Runway's own serialization
 * (the codec a handler taking that type gets), with the values asked for in place.
 */
class GeneratedEventsTest {

    private static <T> T read(Class<T> type, String source, Map<String, String> values) {
        String json = EventTemplates.render(source, values);
        return type.cast(PojoCodecs.forInput(type, GeneratedEventsTest.class.getClassLoader())
                .read(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everySourceHasATemplateThatRenders() {
        assertThat(EventTemplates.names()).containsExactly("apigateway-rest", "apigateway-http", "function-url", "alb",
                "sqs", "sns", "s3-put", "s3-delete", "dynamodb", "kinesis", "eventbridge", "scheduled");
        for (String source : EventTemplates.names()) {
            assertThat(EventTemplates.render(source, Map.of())).startsWith("{");
        }
    }

    @Test
    void apiGatewayRestRequest() {
        APIGatewayProxyRequestEvent event = read(APIGatewayProxyRequestEvent.class, "apigateway-rest",
                Map.of("method", "PUT", "path", "/orders/42", "body", "{\"qty\":2}"));
        assertThat(event.getHttpMethod()).isEqualTo("PUT");
        assertThat(event.getPath()).isEqualTo("/orders/42");
        assertThat(event.getBody()).isEqualTo("{\"qty\":2}");
        assertThat(event.getRequestContext().getAccountId()).isEqualTo("123456789012");
        assertThat(event.getHeaders()).containsEntry("Content-Type", "application/json");
    }

    @Test
    void apiGatewayHttpAndFunctionUrlRequests() {
        APIGatewayV2HTTPEvent http = read(APIGatewayV2HTTPEvent.class, "apigateway-http", Map.of("method", "GET", "path", "/a"));
        assertThat(http.getRequestContext().getHttp().getMethod()).isEqualTo("GET");
        assertThat(http.getRawPath()).isEqualTo("/a");
        assertThat(http.getRouteKey()).isEqualTo("GET /a");
        assertThat(http.getBody()).isEqualTo("{\"name\":\"Ada\"}");
        APIGatewayV2HTTPEvent url = read(APIGatewayV2HTTPEvent.class, "function-url", Map.of("region", "eu-west-1"));
        assertThat(url.getRequestContext().getDomainName()).endsWith(".lambda-url.eu-west-1.on.aws");
        assertThat(url.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
    }

    @Test
    void albRequest() {
        ApplicationLoadBalancerRequestEvent event = read(ApplicationLoadBalancerRequestEvent.class, "alb",
                Map.of("path", "/health", "method", "GET"));
        assertThat(event.getHttpMethod()).isEqualTo("GET");
        assertThat(event.getPath()).isEqualTo("/health");
        assertThat(event.getRequestContext().getElb().getTargetGroupArn()).startsWith("arn:aws:elasticloadbalancing:us-east-1:");
    }

    @Test
    void sqsAndSnsMessages() {
        SQSEvent sqs = read(SQSEvent.class, "sqs", Map.of("body", "line one\n\"two\"", "queue", "orders"));
        assertThat(sqs.getRecords()).hasSize(1);
        assertThat(sqs.getRecords().get(0).getBody()).isEqualTo("line one\n\"two\"");
        assertThat(sqs.getRecords().get(0).getEventSourceArn()).isEqualTo("arn:aws:sqs:us-east-1:123456789012:orders");
        SNSEvent sns = read(SNSEvent.class, "sns", Map.of("body", "hi", "topic", "alerts"));
        assertThat(sns.getRecords().get(0).getSNS().getMessage()).isEqualTo("hi");
        assertThat(sns.getRecords().get(0).getSNS().getTopicArn()).isEqualTo("arn:aws:sns:us-east-1:123456789012:alerts");
        assertThat(sns.getRecords().get(0).getSNS().getTimestamp()).isNotNull();
    }

    @Test
    void s3Notifications() {
        S3Event put = read(S3Event.class, "s3-put", Map.of("bucket", "photos", "key", "a/b.jpg"));
        assertThat(put.getRecords().get(0).getEventName()).isEqualTo("ObjectCreated:Put");
        assertThat(put.getRecords().get(0).getS3().getBucket().getName()).isEqualTo("photos");
        assertThat(put.getRecords().get(0).getS3().getObject().getKey()).isEqualTo("a/b.jpg");
        assertThat(put.getRecords().get(0).getS3().getObject().getSizeAsLong()).isEqualTo(1305107L);
        assertThat(put.getRecords().get(0).getEventTime()).isNotNull();
        S3Event delete = read(S3Event.class, "s3-delete", Map.of());
        assertThat(delete.getRecords().get(0).getEventName()).isEqualTo("ObjectRemoved:Delete");
    }

    @Test
    void dynamoDbAndKinesisStreams() {
        DynamodbEvent dynamodb = read(DynamodbEvent.class, "dynamodb", Map.of("body", "new", "table", "orders"));
        DynamodbEvent.DynamodbStreamRecord record = dynamodb.getRecords().get(0);
        assertThat(record.getEventName()).isEqualTo("INSERT");
        assertThat(record.getDynamodb().getNewImage().get("Message").getS()).isEqualTo("new");
        assertThat(record.getDynamodb().getKeys().get("Id").getN()).isEqualTo("101");
        assertThat(record.getDynamodb().getApproximateCreationDateTime()).isNotNull();
        assertThat(record.getEventSourceARN()).contains(":table/orders/stream/");
        KinesisEvent kinesis = read(KinesisEvent.class, "kinesis", Map.of("body", "payload", "stream", "clicks"));
        KinesisEvent.KinesisEventRecord k = kinesis.getRecords().get(0);
        assertThat(StandardCharsets.UTF_8.decode(k.getKinesis().getData()).toString()).isEqualTo("payload");
        assertThat(k.getEventSourceARN()).endsWith(":stream/clicks");
        assertThat(k.getKinesis().getApproximateArrivalTimestamp()).isNotNull();
    }

    @Test
    void eventBridgeAndSchedules() {
        ScheduledEvent custom = read(ScheduledEvent.class, "eventbridge",
                Map.of("source", "com.example.billing", "detailType", "InvoicePaid", "body", "paid"));
        assertThat(custom.getSource()).isEqualTo("com.example.billing");
        assertThat(custom.getDetailType()).isEqualTo("InvoicePaid");
        assertThat(custom.getDetail()).containsEntry("message", "paid");
        assertThat(custom.getTime()).isNotNull();
        ScheduledEvent scheduled = read(ScheduledEvent.class, "scheduled", Map.of("region", "eu-central-1"));
        assertThat(scheduled.getDetailType()).isEqualTo("Scheduled Event");
        assertThat(scheduled.getResources()).containsExactly("arn:aws:events:eu-central-1:123456789012:rule/my-schedule");
    }

    @Test
    void unknownSourcesAndOptionsAreRefusedWithTheChoices() {
        assertThatThrownBy(() -> EventTemplates.render("kafka", Map.of())).hasMessageContaining("one of apigateway-rest");
        assertThatThrownBy(() -> EventTemplates.render("sqs", Map.of("colour", "red")))
                .hasMessageContaining("Unknown option --colour").hasMessageContaining("--body");
    }

    @Test
    void theCommandPrintsTheEventOrSaysWhatIsWrong() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = GenerateEventCommand.run(List.of("sqs", "--body", "x"), new PrintStream(out, true), new PrintStream(err, true));
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"body\": \"x\"");
        assertThat(GenerateEventCommand.run(List.of("sqs", "--body"), new PrintStream(out, true), new PrintStream(err, true))).isEqualTo(2);
        ByteArrayOutputStream help = new ByteArrayOutputStream();
        assertThat(GenerateEventCommand.run(List.of("--help"), new PrintStream(help, true), new PrintStream(err, true))).isZero();
        assertThat(help.toString(StandardCharsets.UTF_8)).contains("apigateway-http", "--detailType");
    }
}
