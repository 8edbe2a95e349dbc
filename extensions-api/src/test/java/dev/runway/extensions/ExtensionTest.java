package dev.runway.extensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExtensionTest {

    private static final String REGISTER = "/2020-01-01/extension/register";

    private FakeExtensionsApi api;

    @BeforeEach
    void start() throws Exception {
        api = new FakeExtensionsApi();
        api.answer(REGISTER, 200, Map.of("Lambda-Extension-Identifier", "id-1"), "{\"functionName\":\"fn\"}");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void theLoopRunsTheInitHookThenEveryEventUntilShutdown() throws Exception {
        api.event("{\"eventType\":\"INVOKE\",\"deadlineMs\":1,\"requestId\":\"r1\",\"invokedFunctionArn\":\"a\"}");
        api.event("{\"eventType\":\"SHUTDOWN\",\"deadlineMs\":2,\"shutdownReason\":\"spindown\"}");
        List<Object> seen = new ArrayList<>();
        Extension extension = Extension.builder().name("ext").runtimeApi(api.address())
                .onInit(registration -> seen.add(registration.functionName()))
                .onEvent(seen::add).build();

        RegisteredExtension registered = extension.register();
        assertThat(registered.registration().extensionId()).isEqualTo("id-1");
        assertThat(registered.run()).isZero();

        assertThat(seen).containsExactly("fn", new Event.Invoke("r1", 1, "a", null), new Event.Shutdown("spindown", 2));
    }

    @Test
    void changingTheBuilderAfterBuildChangesNothingInTheExtension() throws Exception {
        api.event("{\"eventType\":\"INVOKE\",\"deadlineMs\":1,\"requestId\":\"r1\",\"invokedFunctionArn\":\"a\"}");
        api.event("{\"eventType\":\"SHUTDOWN\",\"deadlineMs\":2,\"shutdownReason\":\"spindown\"}");
        List<Object> seen = new ArrayList<>();
        List<Object> late = new ArrayList<>();
        Extension.Builder builder = Extension.builder().name("ext").events(EventType.INVOKE, EventType.SHUTDOWN)
                .runtimeApi(api.address()).onEvent(seen::add);
        Extension extension = builder.build();

        builder.name("other").events(EventType.SHUTDOWN).internal().runtimeApi("127.0.0.1:1").onEvent(late::add)
                .onInit(registration -> late.add(registration));

        assertThat(extension.name()).isEqualTo("ext");
        assertThat(extension.events()).containsExactlyInAnyOrder(EventType.INVOKE, EventType.SHUTDOWN);
        assertThat(extension.register().run()).isZero();
        assertThat(api.take().header("Lambda-Extension-Name")).isEqualTo("ext");
        assertThat(seen).containsExactly(new Event.Invoke("r1", 1, "a", null), new Event.Shutdown("spindown", 2));
        assertThat(late).isEmpty();
    }

    @Test
    void aFailingInitHookIsReportedToInitError() throws Exception {
        RegisteredExtension registered = Extension.builder().name("ext").runtimeApi(api.address())
                .onInit(registration -> {
                    throw new IllegalStateException("no config");
                }).build().register();

        assertThat(registered.run()).isEqualTo(1);

        api.take();
        FakeExtensionsApi.Request error = api.take();
        assertThat(error.path()).isEqualTo("/2020-01-01/extension/init/error");
        assertThat(error.header("Lambda-Extension-Function-Error-Type")).isEqualTo(Extension.INIT_FAILED);
        assertThat(error.body()).contains("java.lang.IllegalStateException: no config");
    }

    @Test
    void aFailingProcessorIsReportedToExitErrorAndEndsTheLoop() throws Exception {
        api.event("{\"eventType\":\"INVOKE\",\"deadlineMs\":1,\"requestId\":\"r1\",\"invokedFunctionArn\":\"a\"}");
        RegisteredExtension registered = Extension.builder().name("ext").runtimeApi(api.address())
                .onEvent(event -> {
                    throw new java.io.IOException("backend down");
                }).build().register();

        assertThat(registered.run()).isEqualTo(1);

        api.take();
        api.take();
        FakeExtensionsApi.Request error = api.take();
        assertThat(error.path()).isEqualTo("/2020-01-01/extension/exit/error");
        assertThat(error.header("Lambda-Extension-Function-Error-Type")).isEqualTo(Extension.PROCESSOR_FAILED);
    }

    @Test
    void internalExtensionsDefaultToInvokeAndMayNotAskForShutdown() {
        assertThat(Extension.builder().name("i").internal().runtimeApi(api.address()).build().events())
                .containsExactly(EventType.INVOKE);
        assertThatThrownBy(() -> Extension.builder().name("i").internal().events(EventType.SHUTDOWN).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHUTDOWN");
    }

    @Test
    void externalExtensionsDefaultToBothEventsAndMayAskForNone() {
        assertThat(Extension.builder().name("e").runtimeApi(api.address()).build().events())
                .containsExactly(EventType.INVOKE, EventType.SHUTDOWN);
        assertThat(Extension.builder().name("e").events().runtimeApi(api.address()).build().events()).isEmpty();
    }

    @Test
    void closingStopsAParkedLoop() throws Exception {
        RegisteredExtension registered = Extension.builder().name("ext").runtimeApi(api.address()).build().register();
        java.util.concurrent.CompletableFuture<Integer> status = java.util.concurrent.CompletableFuture.supplyAsync(registered::run);
        api.take();
        api.take(); // the parked event/next
        registered.close();
        assertThat(status.get(10, java.util.concurrent.TimeUnit.SECONDS)).isZero();
    }

    @Test
    void theNameComesFromTheLauncher() {
        assertThat(ExtensionName.find("/opt/extensions/telemetry-shipper", Map.of())).contains("telemetry-shipper");
        assertThat(ExtensionName.find(null, Map.of("RUNWAY_EXTENSION_NAME", "a", "LAMBDA_EXTENSION_NAME", "b"))).contains("a");
        assertThat(ExtensionName.find(null, Map.of("LAMBDA_EXTENSION_NAME", "b"))).contains("b");
        assertThat(ExtensionName.find(" ", Map.of())).isEmpty();
    }
}
