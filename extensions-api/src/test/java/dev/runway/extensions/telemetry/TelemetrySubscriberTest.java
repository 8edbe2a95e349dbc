package dev.runway.extensions.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runway.extensions.ExtensionsApiException;
import dev.runway.extensions.FakeExtensionsApi;
import dev.runway.extensions.Registration;
import dev.runway.wire.internal.json.JsonReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelemetrySubscriberTest {

    private static final Registration REGISTRATION = new Registration("ext-id", "ext", "fn", "$LATEST", "h", Optional.empty());
    private static final String START = "{\"time\":\"2026-11-21T00:00:00.000Z\",\"type\":\"platform.start\",\"record\":{\"requestId\":\"r1\",\"version\":\"$LATEST\"}}";
    private static final String LOG = "{\"time\":\"t\",\"type\":\"function\",\"record\":\"hello\\n\"}";
    private static final String DONE = "{\"time\":\"t\",\"type\":\"platform.runtimeDone\",\"record\":{\"requestId\":\"r1\",\"status\":\"success\"}}";
    private static final String FUTURE = "{\"time\":\"t\",\"type\":\"platform.somethingNew\",\"record\":{\"x\":[1]}}";

    private FakeExtensionsApi api;
    private TelemetrySubscriber subscriber;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        api = new FakeExtensionsApi();
    }

    @AfterEach
    void stop() {
        if (subscriber != null) {
            subscriber.close();
        }
        api.close();
    }

    private TelemetrySubscriber.Builder builder() {
        return TelemetrySubscriber.builder().runtimeApi(api.address()).port(0).bindAddress(InetAddress.getLoopbackAddress());
    }

    private int post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + subscriber.port() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void subscribesWithItsListenersAddressAndDeliversTypedEventsInBatches() throws Exception {
        api.answer("/2022-07-01/telemetry", 200, Map.of(), "OK");
        List<TelemetryEvent> seen = new CopyOnWriteArrayList<>();
        subscriber = builder().types(TelemetryType.PLATFORM).buffering(new Buffering(1000, 262144, 25))
                .processor(seen::addAll).build();

        assertThat(subscriber.start(REGISTRATION)).isEqualTo(Subscription.TELEMETRY_API);
        FakeExtensionsApi.Request put = api.take();
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.header("Lambda-Extension-Identifier")).isEqualTo("ext-id");
        assertThat(JsonReader.parse(put.body())).isEqualTo(Map.of("schemaVersion", "2022-12-13", "types", List.of("platform"),
                "buffering", Map.of("maxItems", 1000L, "maxBytes", 262144L, "timeoutMs", 25L),
                "destination", Map.of("protocol", "HTTP", "URI", "http://sandbox.localdomain:" + subscriber.port())));

        assertThat(post("[" + START + "," + LOG + "," + FUTURE + "]")).isEqualTo(200);
        assertThat(post("[" + DONE + "]")).isEqualTo(200);

        assertThat(subscriber.awaitRuntimeDone("r1", System.currentTimeMillis() + 10_000)).isTrue();
        assertThat(seen).containsExactly(
                new TelemetryEvent.Start("2026-11-21T00:00:00.000Z", "r1", "$LATEST", START),
                new TelemetryEvent.Log("t", "function", "hello\n", LOG),
                new TelemetryEvent.Other("t", "platform.somethingNew", FUTURE),
                new TelemetryEvent.RuntimeDone("t", "r1", "success", DONE));
        assertThat(subscriber.dropped()).isZero();
    }

    @Test
    void changingTheBuilderAfterBuildChangesNothingInTheSubscriber() throws Exception {
        api.answer("/2022-07-01/telemetry", 200, Map.of(), "OK");
        List<TelemetryEvent> seen = new CopyOnWriteArrayList<>();
        List<TelemetryEvent> late = new CopyOnWriteArrayList<>();
        TelemetrySubscriber.Builder builder = builder().types(TelemetryType.PLATFORM).processor(seen::addAll);
        subscriber = builder.build();

        builder.types(TelemetryType.EXTENSION).schemaVersion("2025-01-29").buffering(new Buffering(2000, 524288, 50))
                .runtimeApi("127.0.0.1:1").queueCapacity(1).batchSize(1).processor(late::addAll);

        assertThat(subscriber.start(REGISTRATION)).isEqualTo(Subscription.TELEMETRY_API);
        assertThat(JsonReader.parse(api.take().body())).isEqualTo(Map.of("schemaVersion", "2022-12-13", "types",
                List.of("platform"), "buffering", Map.of("maxItems", 1000L, "maxBytes", 262144L, "timeoutMs", 100L),
                "destination", Map.of("protocol", "HTTP", "URI", "http://sandbox.localdomain:" + subscriber.port())));
        assertThat(post("[" + START + "," + LOG + "," + DONE + "]")).isEqualTo(200);
        assertThat(subscriber.awaitRuntimeDone("r1", System.currentTimeMillis() + 10_000)).isTrue();
        assertThat(seen).hasSize(3);
        assertThat(late).isEmpty();
        assertThat(subscriber.dropped()).isZero();
    }

    @Test
    void notSupportedLeavesTheSubscriberIdleAndFlushesReturnAtOnce() throws Exception {
        api.answer("/2022-07-01/telemetry", 202, Map.of(), "{\"errorMessage\":\"Telemetry API is not supported\",\"errorType\":\"Telemetry.NotSupported\"}");
        subscriber = builder().build();

        assertThat(subscriber.start(REGISTRATION)).isEqualTo(Subscription.NOT_SUPPORTED);
        assertThat(subscriber.awaitRuntimeDone("r1", Long.MAX_VALUE)).isFalse();
        assertThat(subscriber.flush(Long.MAX_VALUE)).isTrue();
    }

    @Test
    void withoutTheTelemetryApiItFallsBackToTheLogsApi() throws Exception {
        api.answer("/2020-08-15/logs", 200, Map.of(), "OK");
        subscriber = builder().build();

        assertThat(subscriber.start(REGISTRATION)).isEqualTo(Subscription.LOGS_API);
        assertThat(api.take().path()).isEqualTo("/2022-07-01/telemetry");
        FakeExtensionsApi.Request logs = api.take();
        assertThat(logs.path()).isEqualTo("/2020-08-15/logs");
        assertThat(logs.body()).contains("\"schemaVersion\":\"2021-03-18\"");
    }

    @Test
    void aRefusedSubscriptionFailsWithThePlatformsError() throws Exception {
        api.answer("/2022-07-01/telemetry", 400, Map.of(), "{\"errorType\":\"ValidationError\",\"errorMessage\":\"bad\"}");
        subscriber = builder().build();

        assertThatThrownBy(() -> subscriber.start(REGISTRATION)).isInstanceOfSatisfying(ExtensionsApiException.class,
                e -> assertThat(e.errorType()).isEqualTo("ValidationError"));
    }

    @Test
    void aFullQueueDropsAndCounts() throws Exception {
        api.answer("/2022-07-01/telemetry", 200, Map.of(), "OK");
        CountDownLatch inProcessor = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        subscriber = builder().queueCapacity(1).batchSize(1).processor(batch -> {
            inProcessor.countDown();
            release.await(10, TimeUnit.SECONDS);
        }).build();
        subscriber.start(REGISTRATION);

        post("[" + START + "]");
        assertThat(inProcessor.await(10, TimeUnit.SECONDS)).isTrue();
        post("[" + LOG + "," + LOG + "," + LOG + "]"); // one fits in the queue, two do not

        assertThat(subscriber.dropped()).isEqualTo(2);
        release.countDown();
        assertThat(subscriber.flush(System.currentTimeMillis() + 10_000)).isTrue();
    }

    @Test
    void aTakenPortFallsBackToAFreeOne() throws Exception {
        api.answer("/2022-07-01/telemetry", 200, Map.of(), "OK");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            subscriber = builder().port(taken.getLocalPort()).build();
            subscriber.start(REGISTRATION);
            assertThat(subscriber.port()).isNotEqualTo(taken.getLocalPort()).isPositive();
        }
    }

    @Test
    void bufferingIsCheckedAgainstThePlatformsRanges() {
        assertThatThrownBy(() -> new Buffering(999, 262144, 100)).hasMessageContaining("maxItems");
        assertThatThrownBy(() -> new Buffering(10_001, 262144, 100)).hasMessageContaining("maxItems");
        assertThatThrownBy(() -> new Buffering(1000, 262143, 100)).hasMessageContaining("maxBytes");
        assertThatThrownBy(() -> new Buffering(1000, 1_048_577, 100)).hasMessageContaining("maxBytes");
        assertThatThrownBy(() -> new Buffering(1000, 262144, 24)).hasMessageContaining("timeoutMs");
        assertThatThrownBy(() -> new Buffering(1000, 262144, 30_001)).hasMessageContaining("timeoutMs");
        assertThat(new Buffering(10_000, 1_048_576, 30_000).maxItems()).isEqualTo(10_000);
    }
}
