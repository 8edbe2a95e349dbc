package dev.runway.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.runway.extensions.telemetry.TelemetryEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Telemetry API: subscription checks, and batches of platform events and log lines POSTed to the subscriber. */
class TelemetryApiTest {

    private final PlatformFixture fixture = new PlatformFixture(b -> b.timeoutSeconds(30));
    private HttpServer listener;

    @AfterEach
    void close() {
        fixture.close();
        if (listener != null) {
            listener.stop(0);
        }
    }

    private String registerExtension() throws Exception {
        return fixture.post("/2020-01-01/extension/register", "{\"events\":[\"INVOKE\"]}", "Lambda-Extension-Name", "tel")
                .headers().firstValue("Lambda-Extension-Identifier").orElseThrow();
    }

    private HttpResponse<String> subscribe(String id, String body) throws Exception {
        return fixture.send("PUT", "/2022-07-01/telemetry", body.getBytes(StandardCharsets.UTF_8),
                "Lambda-Extension-Identifier", id);
    }

    @Test
    void aSubscriptionLambdaWouldRefuseGets400ValidationError() throws Exception {
        fixture.invoke("{}");
        fixture.runtime.awaitStart();
        String id = registerExtension();
        String destination = ",\"destination\":{\"protocol\":\"HTTP\",\"URI\":\"http://sandbox.localdomain:4243\"}}";

        assertValidationError(subscribe(id, "{\"schemaVersion\":\"2019-01-01\",\"types\":[\"platform\"]" + destination));
        assertValidationError(subscribe(id, "{\"schemaVersion\":\"2022-12-13\",\"types\":[\"nope\"]" + destination));
        assertValidationError(subscribe(id, "{\"schemaVersion\":\"2022-12-13\",\"types\":[\"platform\"],"
                + "\"buffering\":{\"maxItems\":10}" + destination));
        assertValidationError(subscribe(id, "{\"schemaVersion\":\"2022-12-13\",\"types\":[\"platform\"],"
                + "\"buffering\":{\"timeoutMs\":10}" + destination));
        assertValidationError(subscribe(id, "{\"schemaVersion\":\"2022-12-13\",\"types\":[\"platform\"],"
                + "\"destination\":{\"protocol\":\"HTTP\",\"URI\":\"http://example.com:80\"}}"));
        assertValidationError(subscribe(id, "not json"));
        String tcp = "{\"schemaVersion\":\"2022-12-13\",\"types\":[\"platform\"],\"destination\":";
        assertValidationError(subscribe(id, tcp + "{\"protocol\":\"TCP\"}}"));
        assertValidationError(subscribe(id, tcp + "{\"protocol\":\"TCP\",\"port\":0}}"));
        assertValidationError(subscribe(id, tcp + "{\"protocol\":\"TCP\",\"port\":65536}}"));
        assertValidationError(subscribe(id, tcp + "{\"protocol\":\"TCP\",\"port\":9001}}"));
        assertValidationError(subscribe(id, tcp + "{\"protocol\":\"TCP\",\"port\":\"4243\"}}"));
        assertValidationError(subscribe(id, tcp + "{\"protocol\":\"TCP\",\"port\":4243.5}}"));
        assertValidationError(subscribe(id, tcp + "{\"protocol\":\"UDP\",\"port\":4243}}"));
        assertThat(subscribe(id, tcp + "{\"protocol\":\"TCP\",\"port\":4243}}").statusCode()).isEqualTo(200);
        HttpResponse<String> anonymous = fixture.send("PUT", "/2022-07-01/telemetry", "{}".getBytes());
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(anonymous.body()).contains("Extension.MissingExtensionIdentifier");
    }

    @Test
    void platformEventsAndFunctionLinesArriveInBatches() throws Exception {
        LinkedBlockingQueue<String> batches = listenForBatches();
        List<TelemetryEvent> seen = new CopyOnWriteArrayList<>();
        fixture.platform.addTelemetryListener(seen::add);

        CompletableFuture<HttpResponse<String>> invoke = fixture.invoke("{}");
        TestRuntime.Instance runtime = fixture.runtime.awaitStart();
        String id = registerExtension();
        HttpResponse<String> subscribed = subscribe(id, "{\"schemaVersion\":\"2022-12-13\","
                + "\"types\":[\"platform\",\"function\"],\"buffering\":{\"maxItems\":1000,\"maxBytes\":262144,\"timeoutMs\":25},"
                + "\"destination\":{\"protocol\":\"HTTP\",\"URI\":\"http://sandbox.localdomain:" + listener.getAddress().getPort()
                + "/events\"}}");
        assertThat(subscribed.statusCode()).isEqualTo(200);
        fixture.http.sendAsync(java.net.http.HttpRequest.newBuilder(fixture.api("/2020-01-01/extension/event/next"))
                .header("Lambda-Extension-Identifier", id).build(), HttpResponse.BodyHandlers.ofString());
        String requestId = fixture.next().headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        runtime.log.accept("hello from the function");
        fixture.post("/2018-06-01/runtime/invocation/" + requestId + "/response", "{}");
        invoke.get(30, TimeUnit.SECONDS);
        fixture.nextAsync();
        fixture.http.sendAsync(java.net.http.HttpRequest.newBuilder(fixture.api("/2020-01-01/extension/event/next"))
                .header("Lambda-Extension-Identifier", id).build(), HttpResponse.BodyHandlers.ofString());

        StringBuilder all = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!all.toString().contains("\"type\":\"platform.report\"") && System.nanoTime() < deadline) {
            String batch = batches.poll(1, TimeUnit.SECONDS);
            if (batch != null) {
                assertThat(batch).startsWith("[").endsWith("]");
                all.append(batch);
            }
        }
        assertThat(all.toString()).contains("\"type\":\"platform.initStart\"", "\"type\":\"platform.initRuntimeDone\"",
                "\"type\":\"platform.telemetrySubscription\"", "\"type\":\"platform.start\"",
                "\"type\":\"platform.runtimeDone\"", "\"type\":\"platform.report\"",
                "{\"type\":\"function\",\"record\":\"hello from the function\"}".substring(1),
                "\"requestId\":\"" + requestId + "\"");
        assertThat(seen).extracting(TelemetryEvent::type).contains("platform.initStart", "platform.start",
                "platform.runtimeDone", "platform.report", "function");
        // Typed as the extensions SDK's subscriber types them, each with the JSON a subscriber receives.
        assertThat(seen).anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(TelemetryEvent.Start.class,
                start -> assertThat(start.requestId()).isEqualTo(requestId)));
        assertThat(seen).anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(TelemetryEvent.Report.class,
                report -> {
                    assertThat(report.requestId()).isEqualTo(requestId);
                    assertThat(all.toString()).contains(report.json());
                }));
        assertThat(seen).anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(TelemetryEvent.Log.class,
                log -> assertThat(log.message()).isEqualTo("hello from the function")));
    }

    @Test
    void theLogsApiDeliversOverTcpAsNewlineDelimitedJson() throws Exception {
        try (java.net.ServerSocket tcp = new java.net.ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> {
                try (java.net.Socket socket = tcp.accept()) {
                    return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                            StandardCharsets.UTF_8)).readLine();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            fixture.invoke("{}");
            TestRuntime.Instance runtime = fixture.runtime.awaitStart();
            String id = registerExtension();

            HttpResponse<String> subscribed = fixture.send("PUT", "/2020-08-15/logs", ("{\"schemaVersion\":\"2021-03-18\","
                    + "\"types\":[\"function\"],\"buffering\":{\"timeoutMs\":25},"
                    + "\"destination\":{\"protocol\":\"TCP\",\"port\":" + tcp.getLocalPort() + "}}").getBytes(StandardCharsets.UTF_8),
                    "Lambda-Extension-Identifier", id);
            runtime.log.accept("a line over TCP");

            assertThat(subscribed.statusCode()).isEqualTo(200);
            assertThat(received.get(30, TimeUnit.SECONDS)).startsWith("{\"time\":\"")
                    .endsWith("\"type\":\"function\",\"record\":\"a line over TCP\"}");
        }
    }

    @Test
    void aSubscriptionAfterInitIsRefusedWith403SubscriptionClosed() throws Exception {
        fixture.invoke("{}");
        fixture.runtime.awaitStart();
        String id = registerExtension();
        extensionNext(id);
        // The runtime gets the invocation only once init is over: the runtime and the extension are ready.
        assertThat(fixture.next().statusCode()).isEqualTo(200);
        String body = "{\"schemaVersion\":\"2022-12-13\",\"types\":[\"platform\"],"
                + "\"destination\":{\"protocol\":\"HTTP\",\"URI\":\"http://sandbox.localdomain:4243\"}}";

        HttpResponse<String> telemetry = subscribe(id, body);
        HttpResponse<String> logs = fixture.send("PUT", "/2020-08-15/logs", ("{\"schemaVersion\":\"2021-03-18\","
                + "\"types\":[\"function\"],\"destination\":{\"protocol\":\"TCP\",\"port\":4243}}")
                .getBytes(StandardCharsets.UTF_8), "Lambda-Extension-Identifier", id);

        assertThat(telemetry.statusCode()).isEqualTo(403);
        assertThat(telemetry.body()).isEqualTo("{\"errorMessage\":\"Telemetry API subscription is closed\","
                + "\"errorType\":\"Telemetry.SubscriptionClosed\"}");
        assertThat(logs.statusCode()).isEqualTo(403);
        assertThat(logs.body()).isEqualTo("{\"errorMessage\":\"Logs API subscription is closed already\","
                + "\"errorType\":\"Logs.SubscriptionClosed\"}");
        // The body is checked first, as on Lambda: a bad one is still a 400.
        assertValidationError(subscribe(id, "{\"schemaVersion\":\"2022-12-13\",\"types\":[]}"));
    }

    @Test
    void aSubscriberDuringInitGetsTheInitEventsEmittedBeforeIt() throws Exception {
        LinkedBlockingQueue<String> batches = listenForBatches();

        fixture.invoke("{}");
        TestRuntime.Instance runtime = fixture.runtime.awaitStart();
        runtime.log.accept("printed during init, before the subscription");
        String id = registerExtension();
        HttpResponse<String> subscribed = subscribe(id, "{\"schemaVersion\":\"2022-12-13\","
                + "\"types\":[\"platform\",\"function\"],\"buffering\":{\"timeoutMs\":25},"
                + "\"destination\":{\"protocol\":\"HTTP\",\"URI\":\"http://sandbox.localdomain:" + listener.getAddress().getPort()
                + "\"}}");
        extensionNext(id);
        fixture.next();

        assertThat(subscribed.statusCode()).isEqualTo(200);
        List<String> types = new java.util.ArrayList<>();
        List<Object> records = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!types.contains("platform.initReport") && System.nanoTime() < deadline) {
            String batch = batches.poll(1, TimeUnit.SECONDS);
            if (batch != null) {
                for (Object event : (List<?>) dev.runway.bootstrap.local.internal.json.Json.parse(batch)) {
                    types.add((String) ((java.util.Map<?, ?>) event).get("type"));
                    records.add(((java.util.Map<?, ?>) event).get("record"));
                }
            }
        }
        // The invocation's events may follow in the same batch.
        assertThat(types.subList(0, types.indexOf("platform.initReport") + 1)).containsExactly("platform.initStart", "function", "platform.extension",
                "platform.telemetrySubscription", "platform.initRuntimeDone", "platform.initReport");
        assertThat(records.get(1)).isEqualTo("printed during init, before the subscription");
    }

    @Test
    void anExtensionThatSubscribesAgainReplacesItsSubscription() throws Exception {
        LinkedBlockingQueue<String> first = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<String> second = new LinkedBlockingQueue<>();
        listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        listener.createContext("/first", exchange -> {
            first.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        listener.createContext("/second", exchange -> {
            second.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        listener.start();
        fixture.invoke("{}");
        TestRuntime.Instance runtime = fixture.runtime.awaitStart();
        String id = registerExtension();
        String body = "{\"schemaVersion\":\"2022-12-13\",\"types\":[\"function\"],\"buffering\":{\"timeoutMs\":25},"
                + "\"destination\":{\"protocol\":\"HTTP\",\"URI\":\"http://sandbox.localdomain:" + listener.getAddress().getPort();

        assertThat(subscribe(id, body + "/first\"}}").statusCode()).isEqualTo(200);
        assertThat(subscribe(id, body + "/second\"}}").statusCode()).isEqualTo(200);
        runtime.log.accept("once");

        assertThat(second.poll(30, TimeUnit.SECONDS)).contains("\"record\":\"once\"");
        fixture.close();
        assertThat(first).as("the replaced subscription got nothing more").isEmpty();
        assertThat(second).as("and the line went out once").isEmpty();
    }

    private void extensionNext(String id) {
        fixture.http.sendAsync(java.net.http.HttpRequest.newBuilder(fixture.api("/2020-01-01/extension/event/next"))
                .header("Lambda-Extension-Identifier", id).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertValidationError(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"errorType\":\"ValidationError\"");
    }

    /** Starts {@link #listener}: a telemetry destination that records each batch it receives and answers 200. */
    private LinkedBlockingQueue<String> listenForBatches() throws IOException {
        LinkedBlockingQueue<String> batches = new LinkedBlockingQueue<>();
        listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        listener.createContext("/", exchange -> {
            batches.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        listener.start();
        return batches;
    }
}
