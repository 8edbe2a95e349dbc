package dev.runway.ric.internal.json;

import static dev.runway.ric.internal.json.Json.assertSameJson;
import static dev.runway.ric.internal.json.Json.codec;
import static dev.runway.ric.internal.json.Json.sample;
import static dev.runway.ric.internal.json.Json.writeBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.amazonaws.services.lambda.runtime.events.CloudWatchLogsEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreSignUpEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.SecretsManagerRotationEvent;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential tests against the managed runtime's serializer: each sample event is read by both, and both
 * the objects and the JSON written back must be the same.
 */
class EventDifferentialTest {

    static Stream<Arguments> events() {
        return Stream.of(
                arguments("apigw-rest.json", APIGatewayProxyRequestEvent.class),
                arguments("apigw-http.json", APIGatewayV2HTTPEvent.class),
                arguments("alb.json", ApplicationLoadBalancerRequestEvent.class),
                arguments("alb-multivalue.json", ApplicationLoadBalancerRequestEvent.class),
                arguments("sqs.json", SQSEvent.class),
                arguments("sns.json", SNSEvent.class),
                arguments("s3-put.json", S3Event.class),
                arguments("s3-put.json", S3EventNotification.class),
                arguments("s3-delete.json", S3Event.class),
                arguments("dynamodb.json", DynamodbEvent.class),
                arguments("kinesis.json", KinesisEvent.class),
                arguments("scheduled.json", ScheduledEvent.class),
                arguments("eventbridge-custom.json", ScheduledEvent.class),
                arguments("cognito-pre-signup.json", CognitoUserPoolPreSignUpEvent.class),
                arguments("cognito-post-confirmation.json", CognitoUserPoolPostConfirmationEvent.class),
                arguments("cognito-pre-token-generation.json", CognitoUserPoolPreTokenGenerationEvent.class),
                // More of the managed runtime's supported events, whose names it fixes with mix-ins.
                arguments("cloudwatch-logs.json", CloudWatchLogsEvent.class),
                arguments("cloudformation.json", CloudFormationCustomResourceEvent.class),
                arguments("secretsmanager-rotation.json", SecretsManagerRotationEvent.class),
                arguments("dynamodb-time-window.json", DynamodbTimeWindowEvent.class),
                arguments("kinesis-time-window.json", KinesisTimeWindowEvent.class));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("events")
    void readsTheObjectTheOfficialRuntimeReads(String sample, Class<?> type) {
        Object official = OfficialRuntime.read(type, sample(sample));

        Object ours = codec(type).read(sample(sample));

        assertThat(ours).isInstanceOf(type).usingRecursiveComparison().isEqualTo(official);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("events")
    void writesTheJsonTheOfficialRuntimeWrites(String sample, Class<?> type) {
        Object official = OfficialRuntime.read(type, sample(sample));
        Object ours = codec(type).read(sample(sample));

        assertSameJson(writeBytes(type, ours), OfficialRuntime.write(type, official));
    }
}
