package dev.runway.ric.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runway.ric.conformance.SideBySide.Runtime;
import dev.runway.ric.testing.Event;
import dev.runway.ric.testing.RecordedPost;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same functions, fed the same events, under the official Java RIC and under Runway, each in its own JVM
 * against a real HTTP Runtime API: what each posts back must agree. This is the compatibility promise: a function
 * built for the managed Java runtime runs unchanged on Runway.
 *
 * <p>Compared: the endpoint (response or error), the response JSON, and for errors the error-type header, the
 * body's {@code errorType} and {@code errorMessage}, and the frame where the exception was thrown. Runway adds the
 * cause chain to {@code stackTrace}; the official runtime omits it, so the rest of the trace is not compared.
 */
class OfficialRicConformanceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String F = "dev.runway.ric.conformance.functions.";

    @TempDir
    static Path taskRoot;

    private static SideBySide sideBySide;

    @BeforeAll
    static void deploy() throws IOException {
        sideBySide = new SideBySide(taskRoot);
    }

    static Stream<Arguments> cases() throws IOException {
        return Stream.of(
                Arguments.of("POJO in and out", F + "PojoHandler",
                        List.of("{\"name\":\"ada\",\"times\":2,\"loud\":true,\"tags\":[\"x\"]}", "{\"name\":\"bob\"}")),
                Arguments.of("lenient JSON input", F + "PojoHandler",
                        List.of("{name:'ada', 'times':02, unknownField: [1,2], tags:\"single\"}")),
                Arguments.of("map in and out", F + "MapHandler", List.of("{\"a\":1,\"b\":[true,null],\"c\":{\"d\":\"e\"}}")),
                Arguments.of("null and empty input", F + "MapHandler", List.of("null", "")),
                Arguments.of("stream echo, byte exact", F + "EchoStream", List.of("{\"text\":\"a=b \u00e9\u4e2d\ud83d\ude00\"}", "not json at all")),
                Arguments.of("static method", F + "Methods::greet", List.of("\"ada\"")),
                Arguments.of("void method", F + "Methods::ignore", List.of("{\"a\":1}")),
                Arguments.of("primitive with context", F + "Methods::increment", List.of("41")),
                Arguments.of("overload priority", F + "Methods::overloaded", List.of("\"v\"")),
                Arguments.of("method without input", F + "Methods::noInput", List.of("{\"ignored\":true}")),
                Arguments.of("context getters", F + "ContextHandler", List.of("{}")),
                Arguments.of("handler exception", F + "Thrower", List.of("{\"id\":7}")),
                Arguments.of("malformed JSON for a POJO handler", F + "PojoHandler", List.of("{\"name\": ")),
                Arguments.of("SQS batch with a partial failure", F + "EventHandlers::sqs", List.of(resource("sqs.json"))),
                Arguments.of("SQS message fields", F + "EventHandlers::sqsFields", List.of(resource("sqs.json"))),
                Arguments.of("API Gateway HTTP API", F + "EventHandlers::httpApi", List.of(resource("http-api.json"))),
                Arguments.of("API Gateway REST API", F + "EventHandlers::restApi", List.of(resource("rest-api.json"))),
                Arguments.of("SNS", F + "EventHandlers::sns", List.of(resource("sns.json"))),
                Arguments.of("S3", F + "EventHandlers::s3", List.of(resource("s3.json"))),
                Arguments.of("DynamoDB Streams", F + "EventHandlers::dynamodb", List.of(resource("dynamodb.json"))),
                Arguments.of("Kinesis", F + "EventHandlers::kinesis", List.of(resource("kinesis.json"))),
                Arguments.of("EventBridge scheduled", F + "EventHandlers::scheduled", List.of(resource("scheduled.json"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void runwayAnswersAsTheOfficialRuntimeDoes(String name, String handler, List<String> payloads) throws Exception {
        List<Event> events = payloads.stream()
                .map(p -> Event.of(p).withHeader("Lambda-Runtime-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793")
                        .withHeader("Lambda-Runtime-Client-Context", "{\"client\":{\"app_title\":\"Shop\"},\"custom\":{\"k\":\"v\"},\"env\":{}}")
                        .withHeader("Lambda-Runtime-Cognito-Identity", "{\"cognitoIdentityId\":\"id-1\",\"cognitoIdentityPoolId\":\"pool-1\"}")
                        .withHeader("Lambda-Runtime-Aws-Tenant-Id", "tenant-1"))
                .toList();
        List<RecordedPost> official = sideBySide.run(Runtime.OFFICIAL, handler, events);
        List<RecordedPost> runway = sideBySide.run(Runtime.RUNWAY, handler, events);
        for (int i = 0; i < events.size(); i++) {
            String context = name + ", event " + i + "\nofficial: " + official.get(i).bodyText() + "\nrunway:   "
                    + runway.get(i).bodyText() + "\nofficial log:\n" + sideBySide.log(Runtime.OFFICIAL)
                    + "\nrunway log:\n" + sideBySide.log(Runtime.RUNWAY);
            assertSameOutcome(official.get(i), runway.get(i), context);
        }
    }

    private static void assertSameOutcome(RecordedPost official, RecordedPost runway, String context) throws IOException {
        assertThat(runway.kind()).as(context).isEqualTo(official.kind());
        if (official.kind() == RecordedPost.Kind.RESPONSE) {
            JsonNode expected = tryJson(official.body());
            if (expected == null) {
                assertThat(runway.bodyText()).as(context).isEqualTo(official.bodyText());
            } else {
                assertThat(tryJson(runway.body())).as(context).isEqualTo(expected);
            }
            return;
        }
        assertThat(runway.header("Lambda-Runtime-Function-Error-Type")).as(context)
                .isEqualTo(official.header("Lambda-Runtime-Function-Error-Type"));
        JsonNode expected = JSON.readTree(official.body());
        JsonNode actual = JSON.readTree(runway.body());
        assertThat(actual.path("errorType").asText()).as(context).isEqualTo(expected.path("errorType").asText());
        assertThat(actual.path("errorMessage").asText()).as(context).isEqualTo(expected.path("errorMessage").asText());
        if (expected.has("stackTrace") && !expected.get("stackTrace").isEmpty()) {
            assertThat(actual.path("stackTrace").path(0).asText()).as(context)
                    .isEqualTo(expected.get("stackTrace").get(0).asText());
        }
    }

    private static JsonNode tryJson(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = OfficialRicConformanceIT.class.getResourceAsStream("/conformance/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
