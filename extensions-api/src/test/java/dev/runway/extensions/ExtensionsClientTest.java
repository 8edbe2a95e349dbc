package dev.runway.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runway.wire.internal.json.JsonReader;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExtensionsClientTest {

    private static final String REGISTER = "/2020-01-01/extension/register";
    private static final String ID = "4ad2ee0f-8b0c-4c4f-9d24-6b6a0f1f1c3e";

    private FakeExtensionsApi api;

    @BeforeEach
    void start() throws Exception {
        api = new FakeExtensionsApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private void acceptRegistration(String body) {
        api.answer(REGISTER, 200, Map.of("Lambda-Extension-Identifier", ID, "Content-Type", "application/json"), body);
    }

    @Test
    void registerSendsTheNameTheEventsAndAsksForTheAccountId() throws Exception {
        acceptRegistration("{\"functionName\":\"fn\",\"functionVersion\":\"$LATEST\",\"handler\":\"a.B::c\",\"accountId\":\"123456789012\"}");
        try (ExtensionsClient client = ExtensionsClient.connect(api.address())) {
            Registration registration = client.register("my-ext", EnumSet.of(EventType.SHUTDOWN, EventType.INVOKE));

            assertThat(registration).isEqualTo(new Registration(ID, "my-ext", "fn", "$LATEST", "a.B::c", Optional.of("123456789012")));
            assertThat(client.extensionId()).isEqualTo(ID);
        }
        FakeExtensionsApi.Request request = api.take();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Lambda-Extension-Name")).isEqualTo("my-ext");
        assertThat(request.header("Lambda-Extension-Accept-Feature")).isEqualTo("accountId");
        assertThat(JsonReader.parse(request.body())).isEqualTo(Map.of("events", List.of("INVOKE", "SHUTDOWN")));
    }

    @Test
    void withoutAnAccountIdTheRegistrationHasNone() {
        acceptRegistration("{\"functionName\":\"fn\",\"functionVersion\":\"$LATEST\",\"handler\":\"h\"}");
        try (ExtensionsClient client = ExtensionsClient.connect(api.address())) {
            assertThat(client.register("e", EnumSet.noneOf(EventType.class)).accountId()).isEmpty();
        }
    }

    @Test
    void aRefusalCarriesThePlatformsErrorType() {
        api.answer(REGISTER, 403, Map.of(), "{\"errorMessage\":\"Extension registration closed already\",\"errorType\":\"Extension.RegistrationClosed\"}");
        try (ExtensionsClient client = ExtensionsClient.connect(api.address())) {
            assertThatThrownBy(() -> client.register("late", EnumSet.of(EventType.INVOKE)))
                    .isInstanceOfSatisfying(ExtensionsApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.errorType()).isEqualTo("Extension.RegistrationClosed");
                    });
        }
    }

    @Test
    void aRegistrationWithoutAnIdentifierFails() {
        api.answer(REGISTER, 200, Map.of(), "{}");
        try (ExtensionsClient client = ExtensionsClient.connect(api.address())) {
            assertThatThrownBy(() -> client.register("e", EnumSet.of(EventType.INVOKE)))
                    .isInstanceOf(ExtensionsApiException.class).hasMessageContaining("Lambda-Extension-Identifier");
        }
    }

    @Test
    void eventsAreTypedAndAnyShutdownReasonIsKept() throws Exception {
        acceptRegistration("{}");
        api.event("{\"eventType\":\"INVOKE\",\"deadlineMs\":1795236358452,\"requestId\":\"r1\",\"invokedFunctionArn\":\"arn:x\","
                + "\"tracing\":{\"type\":\"X-Amzn-Trace-Id\",\"value\":\"Root=1-2\"}}");
        api.event("{\"eventType\":\"INVOKE\",\"deadlineMs\":5,\"requestId\":\"r2\",\"invokedFunctionArn\":\"arn:x\"}");
        api.event("{\"eventType\":\"SHUTDOWN\",\"deadlineMs\":7,\"shutdownReason\":\"SandboxTerminated\"}");
        try (ExtensionsClient client = ExtensionsClient.connect(api.address())) {
            client.register("e", EnumSet.allOf(EventType.class));

            assertThat(client.next()).isEqualTo(new Event.Invoke("r1", 1795236358452L, "arn:x",
                    new Event.Tracing("X-Amzn-Trace-Id", "Root=1-2")));
            assertThat(client.next()).isEqualTo(new Event.Invoke("r2", 5, "arn:x", null));
            assertThat(client.next()).isEqualTo(new Event.Shutdown("SandboxTerminated", 7));
        }
        api.take();
        assertThat(api.take().header("Lambda-Extension-Identifier")).isEqualTo(ID);
    }

    @Test
    void errorsArePostedWithTheirCategoryReasonHeaderAndJsonBody() throws Exception {
        acceptRegistration("{}");
        try (ExtensionsClient client = ExtensionsClient.connect(api.address())) {
            client.register("e", EnumSet.of(EventType.INVOKE));
            client.initError(new ExtensionError("Fatal.ConnectFailed", "no backend", List.of("a.b(C.java:1)")));
            client.exitError(new ExtensionError("Extension.Broken", "bye", List.of()));
        }
        api.take();
        FakeExtensionsApi.Request init = api.take();
        assertThat(init.path()).isEqualTo("/2020-01-01/extension/init/error");
        assertThat(init.header("Lambda-Extension-Function-Error-Type")).isEqualTo("Fatal.ConnectFailed");
        assertThat(init.header("Lambda-Extension-Identifier")).isEqualTo(ID);
        assertThat(JsonReader.parse(init.body())).isEqualTo(Map.of("errorMessage", "no backend", "errorType", "Fatal.ConnectFailed",
                "stackTrace", List.of("a.b(C.java:1)")));
        assertThat(api.take().path()).isEqualTo("/2020-01-01/extension/exit/error");
    }

    @Test
    void anErrorTypeMustBeCategoryDotReason() {
        assertThatThrownBy(() -> new ExtensionError("Broken", "x", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnreachableApiIsStatusZero() {
        try (ExtensionsClient client = ExtensionsClient.connect("127.0.0.1:1")) {
            assertThatThrownBy(() -> client.register("e", EnumSet.of(EventType.INVOKE)))
                    .isInstanceOfSatisfying(ExtensionsApiException.class, e -> assertThat(e.status()).isZero());
        }
    }
}
