package dev.runway.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The AWS SDK for Java v2 (DynamoDB, its default Apache HTTP client) over HTTPS to the test's own TLS endpoint
 * (endpoint override, a self-signed EC certificate the function's JVM is told to trust): TLS 1.3, certificate
 * checks, ECDSA and SigV4 signing run on the layer's JRE, and give the official RIC's answers.
 */
class AwsSdkIT {

    private static final String HANDLER = "dev.runway.compat.awssdk.DynamoDbHandler::handleRequest";

    @Test
    void dynamodb_get_item_over_https() {
        try (TlsEndpoint dynamo = TlsEndpoint.start(Compat.WORK.resolve("tls"), "application/x-amz-json-1.0",
                body -> body.contains("\"S\":\"42\"")
                        ? "{\"Item\":{\"id\":{\"S\":\"42\"},\"name\":{\"S\":\"runway\"}}}"
                        : "{\"Item\":{\"id\":{\"S\":\"7\"},\"name\":{\"S\":\"seven\"}}}")) {
            Map<String, String> configuration = Map.of(
                    "COMPAT_ENDPOINT", dynamo.url(),
                    "JAVA_TOOL_OPTIONS", dynamo.trustOptions(),
                    "AWS_ACCESS_KEY_ID", "AKIDCOMPATEXAMPLE",
                    "AWS_SECRET_ACCESS_KEY", "compat-secret",
                    "AWS_SESSION_TOKEN", "compat-token");
            String[] events = {"{\"id\":\"42\"}", "{\"id\":\"7\"}"};
            List<String> runway = Answers.of(Runtime.RUNWAY_LAYER, "aws-sdk", HANDLER, configuration, events)
                    .bodies();
            List<String> official = Answers.of(Runtime.OFFICIAL_RIC, "aws-sdk", HANDLER, configuration, events)
                    .bodies();

            assertThat(runway).isEqualTo(official);
            assertThat(Json.parse(runway.get(0))).isEqualTo(Json.parse("{\"id\":\"42\",\"name\":\"runway\"}"));
            assertThat(Json.parse(runway.get(1))).isEqualTo(Json.parse("{\"id\":\"7\",\"name\":\"seven\"}"));
            assertThat(dynamo.requests()).hasSize(4).allSatisfy(request -> {
                assertThat(request.target()).isEqualTo("DynamoDB_20120810.GetItem");
                assertThat(request.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKIDCOMPATEXAMPLE/");
                assertThat(request.body()).contains("\"TableName\":\"compat\"");
            });
        }
    }
}
