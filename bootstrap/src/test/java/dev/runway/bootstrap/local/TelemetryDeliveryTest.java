package dev.runway.bootstrap.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.runway.bootstrap.local.internal.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery to Telemetry API subscribers that do not take what they are sent: a subscriber that falls behind, one
 * that fails, one whose TCP port is closed. What they lose is reported to them as {@code platform.logsDropped}
 * once they take a batch again. The subscribers are real HTTP and TCP listeners; the test plays the runtime and
 * the extension.
 */
class TelemetryDeliveryTest {

    private static final String TOO_SLOW =
            "Some logs were dropped because the downstream consumer is slower than the logs production rate";

    private final PlatformFixture fixture = new PlatformFixture(b -> b.timeoutSeconds(60));
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer listener;

    @AfterEach
    void close() {
        release.countDown();
        fixture.close();
        if (listener != null) {
            listener.stop(0);
        }
        handlers.shutdownNow();
    }

    @Test
    void aSubscriberThatFallsBehindLosesWhatOverflowsItsBufferAndIsToldSo() throws Exception {
        LinkedBlockingQueue<String> batches = new LinkedBlockingQueue<>();
        CountDownLatch firstArrived = new CountDownLatch(1);
        AtomicInteger requests = new AtomicInteger();
        int port = listen(exchange -> {
            String body = body(exchange);
            if (requests.incrementAndGet() == 1) {
                // Busy with the first batch until the test says: the platform has to hold the rest meanwhile.
                firstArrived.countDown();
                release.await(60, TimeUnit.SECONDS);
            }
            batches.add(body);
            return 200;
        });
        TestRuntime.Instance runtime = subscribed("{\"protocol\":\"HTTP\",\"URI\":\"http://sandbox.localdomain:" + port + "\"}");

        runtime.log.accept("first");
        assertThat(firstArrived.await(30, TimeUnit.SECONDS)).as("the first batch was sent").isTrue();
        // One buffer (maxItems 1000) fills while the first batch is out; the 500 lines after it are dropped.
        for (int i = 0; i < 1500; i++) {
            runtime.log.accept("line " + i);
        }
        release.countDown();

        assertThat(events(batches.poll(30, TimeUnit.SECONDS))).extracting(e -> e.get("record")).containsExactly("first");
        List<Map<String, Object>> second = events(batches.poll(30, TimeUnit.SECONDS));
        assertThat(second).hasSize(1001);
        for (int i = 0; i < 1000; i++) {
            assertThat(second.get(i).get("record")).isEqualTo("line " + i);
        }
        Map<String, Object> dropped = second.get(1000);
        assertThat(dropped.get("type")).isEqualTo("platform.logsDropped");
        Map<?, ?> record = (Map<?, ?>) dropped.get("record");
        assertThat(record.get("droppedRecords")).isEqualTo(500L);
        assertThat(record.get("reason")).isEqualTo(TOO_SLOW);
        // Each dropped event is {"time":…,"type":"function","record":"line 1xxx"}, its time 20 to 30 characters.
        int shortest = eventSize("line 1000", 20);
        assertThat((Long) record.get("droppedBytes")).isBetween(500L * shortest, 500L * (shortest + 10));
        assertThat(fixture.output()).contains("[runway local] Telemetry for extension tel: events dropped (" + TOO_SLOW + ")");

        runtime.log.accept("after the gap");
        List<Map<String, Object>> third = events(batches.poll(30, TimeUnit.SECONDS));
        assertThat(third).extracting(e -> e.get("record")).as("the drop was reported once").containsExactly("after the gap");
    }

    @Test
    void aBatchTheSubscriberRefusesThreeTimesIsReportedDroppedWithItsNextBatch() throws Exception {
        LinkedBlockingQueue<String> refused = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<String> taken = new LinkedBlockingQueue<>();
        AtomicInteger requests = new AtomicInteger();
        int port = listen(exchange -> {
            String body = body(exchange);
            if (requests.incrementAndGet() <= 3) {
                refused.add(body);
                return 500;
            }
            taken.add(body);
            return 200;
        });
        TestRuntime.Instance runtime = subscribed("{\"protocol\":\"HTTP\",\"URI\":\"http://sandbox.localdomain:" + port + "\"}");

        runtime.log.accept("lost");
        List<String> tries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tries.add(refused.poll(30, TimeUnit.SECONDS));
        }
        runtime.log.accept("after");

        assertThat(tries).as("the same batch, three times").doesNotContainNull().containsOnly(tries.get(0));
        assertThat(events(tries.get(0))).extracting(e -> e.get("record")).containsExactly("lost");
        List<Map<String, Object>> next = events(taken.poll(30, TimeUnit.SECONDS));
        assertThat(next).extracting(e -> e.get("type")).containsExactly("function", "platform.logsDropped");
        assertThat(next.get(0).get("record")).isEqualTo("after");
        Map<?, ?> record = (Map<?, ?>) next.get(1).get("record");
        assertThat(record.get("droppedRecords")).isEqualTo(1L);
        // The lost event's own size: the refused body less its brackets.
        assertThat(record.get("droppedBytes")).isEqualTo((long) tries.get(0).getBytes(StandardCharsets.UTF_8).length - 2);
        assertThat((String) record.get("reason")).startsWith("could not send events: HTTP 500");
    }

    @Test
    void aTcpSubscriberGetsNewlineDelimitedJsonAfterAReconnectionAndHearsOfWhatItMissed() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        // Through the Telemetry API this time (TelemetryApiTest covers the Logs API's TCP destination).
        TestRuntime.Instance runtime = subscribed("{\"protocol\":\"TCP\",\"port\":" + port + "}");

        runtime.log.accept("nobody listens");
        awaitOutput("[runway local] Telemetry for extension tel: events dropped (could not send events:");
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(30_000);
            runtime.log.accept("someone listens");
            try (Socket first = server.accept()) {
                BufferedReader lines = reader(first);
                Map<String, Object> line = event(lines.readLine());
                Map<String, Object> dropped = event(lines.readLine());

                assertThat(line.get("type")).isEqualTo("function");
                assertThat(line.get("record")).isEqualTo("someone listens");
                assertThat(dropped.get("type")).isEqualTo("platform.logsDropped");
                Map<?, ?> record = (Map<?, ?>) dropped.get("record");
                assertThat(record.get("droppedRecords")).isEqualTo(1L);
                int shortest = eventSize("nobody listens", 20);
                assertThat((Long) record.get("droppedBytes")).isBetween((long) shortest, shortest + 10L);
            }
            // The subscriber closed that connection: the next batch opens a new one.
            runtime.log.accept("after a reconnection");
            try (Socket second = server.accept()) {
                Map<String, Object> line = event(reader(second).readLine());

                assertThat(line.get("record")).isEqualTo("after a reconnection");
            }
        }
    }

    /** A request handler: the status it answers. */
    private interface Handler {
        int handle(HttpExchange exchange) throws Exception;
    }

    private int listen(Handler handler) throws IOException {
        listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        listener.setExecutor(handlers);
        listener.createContext("/", exchange -> {
            try {
                exchange.sendResponseHeaders(handler.handle(exchange), -1);
            } catch (Exception e) {
                exchange.sendResponseHeaders(599, -1);
            } finally {
                exchange.close();
            }
        });
        listener.start();
        return listener.getAddress().getPort();
    }

    /** Starts an init and subscribes an extension to function lines, flushed every 25 ms, during it. */
    private TestRuntime.Instance subscribed(String destination) throws Exception {
        fixture.invoke("{}");
        TestRuntime.Instance runtime = fixture.runtime.awaitStart();
        String id = fixture.post("/2020-01-01/extension/register", "{\"events\":[]}", "Lambda-Extension-Name", "tel")
                .headers().firstValue("Lambda-Extension-Identifier").orElseThrow();
        HttpResponse<String> subscribed = fixture.send("PUT", "/2022-07-01/telemetry", ("{\"schemaVersion\":\"2022-12-13\","
                + "\"types\":[\"function\"],\"buffering\":{\"maxItems\":1000,\"timeoutMs\":25},\"destination\":" + destination + "}")
                .getBytes(StandardCharsets.UTF_8), "Lambda-Extension-Identifier", id);
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(200);
        return runtime;
    }

    private void awaitOutput(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!fixture.output().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(fixture.output()).contains(text);
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        socket.setSoTimeout(30_000);
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(String batch) {
        assertThat(batch).as("a batch came").isNotNull();
        List<Map<String, Object>> events = new ArrayList<>();
        for (Object event : (List<?>) Json.parse(batch)) {
            events.add((Map<String, Object>) event);
        }
        return events;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> event(String line) {
        assertThat(line).as("a line came").isNotNull();
        return (Map<String, Object>) Json.parse(line);
    }

    /** The size of a function line's event whose time has {@code timeLength} characters. */
    private static int eventSize(String line, int timeLength) {
        return ("{\"time\":\"" + "0".repeat(timeLength) + "\",\"type\":\"function\",\"record\":\"" + line + "\"}").length();
    }
}
