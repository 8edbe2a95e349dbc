package dev.runway.ric.internal.json;

import static dev.runway.ric.internal.json.Json.assertSameJson;
import static dev.runway.ric.internal.json.Json.codec;
import static dev.runway.ric.internal.json.Json.sample;
import static dev.runway.ric.internal.json.Json.writeBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreSignUpEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SimpleIAMPolicyResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential tests of the response types functions return: the JSON written must be the managed runtime's,
 * and reading it back must give what the managed runtime reads.
 */
class ResponseDifferentialTest {

    static Stream<Arguments> responses() {
        return Stream.of(
                arguments("REST proxy response", APIGatewayProxyResponseEvent.class,
                        new APIGatewayProxyResponseEvent().withStatusCode(201)
                                .withHeaders(Map.of("Content-Type", "application/json", "Location", "/orders/42"))
                                .withMultiValueHeaders(Map.of("Set-Cookie", List.of("a=1; Secure", "b=2")))
                                .withBody("{\"id\":42}").withIsBase64Encoded(false)),
                arguments("empty REST proxy response", APIGatewayProxyResponseEvent.class,
                        new APIGatewayProxyResponseEvent()),
                arguments("HTTP API response", APIGatewayV2HTTPResponse.class,
                        APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                                .withHeaders(Map.of("Content-Type", "text/plain"))
                                .withCookies(List.of("session=8f2e1c; HttpOnly")).withBody("b2s=")
                                .withIsBase64Encoded(true).build()),
                arguments("empty HTTP API response", APIGatewayV2HTTPResponse.class, new APIGatewayV2HTTPResponse()),
                arguments("ALB response", ApplicationLoadBalancerResponseEvent.class, albResponse()),
                arguments("SQS partial batch response", SQSBatchResponse.class, new SQSBatchResponse(List.of(
                        new SQSBatchResponse.BatchItemFailure("059f36b4-87a3-44ab-83d2-661975830a7d")))),
                arguments("empty SQS batch response", SQSBatchResponse.class, new SQSBatchResponse(List.of())),
                arguments("stream partial batch response", StreamsEventResponse.class, new StreamsEventResponse(List.of(
                        new StreamsEventResponse.BatchItemFailure("49590338271490256608559692538361571095921575989136588898")))),
                arguments("REST authorizer policy", IamPolicyResponse.class, IamPolicyResponse.builder()
                        .withPrincipalId("user|a1b2c3")
                        .withPolicyDocument(IamPolicyResponse.PolicyDocument.builder()
                                .withVersion(IamPolicyResponse.VERSION_2012_10_17)
                                .withStatement(List.of(IamPolicyResponse.allowStatement(
                                        "arn:aws:execute-api:us-east-1:123456789012:abc/prod/GET/orders")))
                                .build())
                        .withContext(Map.of("tier", "gold", "quota", 10)).build()),
                arguments("HTTP API simple authorizer", SimpleIAMPolicyResponse.class,
                        new SimpleIAMPolicyResponse(true, Map.of("tenant", "acme"))),
                arguments("Cognito pre sign-up answer", CognitoUserPoolPreSignUpEvent.class, preSignUpAnswer()),
                arguments("Cognito pre token generation answer", CognitoUserPoolPreTokenGenerationEvent.class,
                        preTokenAnswer()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void writesTheJsonTheOfficialRuntimeWrites(String name, Class<?> type, Object response) {
        assertSameJson(writeBytes(type, response), OfficialRuntime.write(type, response));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void readsItBackAsTheOfficialRuntimeDoes(String name, Class<?> type, Object response) {
        byte[] json = OfficialRuntime.write(type, response);

        assertThat(codec(type).read(json)).usingRecursiveComparison().isEqualTo(OfficialRuntime.read(type, json));
    }

    private static ApplicationLoadBalancerResponseEvent albResponse() {
        ApplicationLoadBalancerResponseEvent response = new ApplicationLoadBalancerResponseEvent();
        response.setStatusCode(404);
        response.setStatusDescription("404 Not Found");
        response.setHeaders(Map.of("Content-Type", "text/html"));
        response.setBody("<h1>Not here</h1>");
        response.setIsBase64Encoded(false);
        return response;
    }

    private static CognitoUserPoolPreSignUpEvent preSignUpAnswer() {
        CognitoUserPoolPreSignUpEvent event = (CognitoUserPoolPreSignUpEvent) codec(CognitoUserPoolPreSignUpEvent.class)
                .read(sample("cognito-pre-signup.json"));
        event.getResponse().setAutoConfirmUser(true);
        event.getResponse().setAutoVerifyEmail(true);
        return event;
    }

    private static CognitoUserPoolPreTokenGenerationEvent preTokenAnswer() {
        CognitoUserPoolPreTokenGenerationEvent event = (CognitoUserPoolPreTokenGenerationEvent)
                codec(CognitoUserPoolPreTokenGenerationEvent.class).read(sample("cognito-pre-token-generation.json"));
        event.getResponse().getClaimsOverrideDetails().setClaimsToAddOrOverride(Map.of("tier", "platinum"));
        event.getResponse().getClaimsOverrideDetails().setClaimsToSuppress(new String[] {"email", "phone_number"});
        return event;
    }
}
