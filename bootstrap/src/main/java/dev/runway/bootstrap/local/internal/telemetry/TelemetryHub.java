package dev.runway.bootstrap.local.internal.telemetry;

import dev.runway.bootstrap.local.internal.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The Telemetry API's delivery side: events are buffered per subscriber and sent in batches, as a JSON array
 * POSTed to its HTTP destination (or newline-delimited over TCP), when the batch reaches {@code maxItems} or
 * {@code maxBytes} or its oldest event is {@code timeoutMs} old. Events of the init phase are kept and replayed
 * to a subscriber that arrives later in that phase, as Lambda does. A subscriber that does not take a batch
 * after three tries loses it (Lambda would report {@code platform.logsDropped}).
 */
public final class TelemetryHub implements TelemetrySink, AutoCloseable {

    private static final int MAX_REPLAYED = 1_000;
    private static final int ATTEMPTS = 3;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "runway-telemetry");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Consumer<Map<String, Object>>> listeners = new CopyOnWriteArrayList<>();
    private final List<Queue> queues = new ArrayList<>();
    private final Deque<Map<String, Object>> initEvents = new ArrayDeque<>();

    /** One subscriber's pending batch. Guarded by the hub. */
    private final class Queue {
        final Subscription subscription;
        final List<String> events = new ArrayList<>();
        int bytes;
        ScheduledFuture<?> timer;
        Socket tcp;

        Queue(Subscription subscription) {
            this.subscription = subscription;
        }
    }

    /**
     * Adds a listener that sees every event as it is made, such as the JUnit kit's recorder.
     *
     * @param listener receives {@code {time, type, record}} maps
     */
    public void addListener(Consumer<Map<String, Object>> listener) {
        listeners.add(listener);
    }

    /**
     * Adds a subscriber, replaying the events of the current init.
     *
     * @param subscription the subscriber
     */
    synchronized void subscribe(Subscription subscription) {
        Queue queue = new Queue(subscription);
        queues.add(queue);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("name", subscription.extension());
        record.put("state", "Subscribed");
        record.put("types", List.copyOf(subscription.types()));
        for (Map<String, Object> event : initEvents) {
            offer(queue, event);
        }
        emit(event("platform.telemetrySubscription", record));
    }

    @Override
    public void platform(String type, Map<String, Object> record) {
        emit(event(type, record));
    }

    @Override
    public void log(String type, String line) {
        emit(event(type, line));
    }

    private static Map<String, Object> event(String type, Object record) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("time", Instant.now().toString());
        event.put("type", type);
        event.put("record", record);
        return event;
    }

    private synchronized void emit(Map<String, Object> event) {
        String type = (String) event.get("type");
        if (type.equals("platform.initStart")) {
            // A new environment: the old one's subscribers are gone (their extensions were restarted), and
            // this init's events are the ones a subscriber arriving during it gets again.
            flushAll();
            queues.clear();
            initEvents.clear();
            recordingInit = true;
        }
        if (recordingInit && initEvents.size() < MAX_REPLAYED) {
            initEvents.add(event);
        }
        if (type.equals("platform.initReport")) {
            recordingInit = false;
        }
        for (Consumer<Map<String, Object>> listener : listeners) {
            listener.accept(event);
        }
        for (Queue queue : queues) {
            offer(queue, event);
        }
    }

    private boolean recordingInit;

    private void offer(Queue queue, Map<String, Object> event) {
        String type = (String) event.get("type");
        String category = type.startsWith("platform.") ? "platform" : type;
        if (!queue.subscription.types().contains(category)) {
            return;
        }
        String json = Json.write(event);
        queue.events.add(json);
        queue.bytes += json.length();
        if (queue.events.size() >= queue.subscription.maxItems() || queue.bytes >= queue.subscription.maxBytes()) {
            flush(queue);
        } else if (queue.timer == null) {
            queue.timer = scheduler.schedule(() -> {
                synchronized (TelemetryHub.this) {
                    flush(queue);
                }
            }, queue.subscription.timeoutMs(), TimeUnit.MILLISECONDS);
        }
    }

    /** Sends the queue's batch, off this thread. Call with the hub's lock held. */
    private void flush(Queue queue) {
        if (queue.timer != null) {
            queue.timer.cancel(false);
            queue.timer = null;
        }
        if (queue.events.isEmpty()) {
            return;
        }
        List<String> batch = List.copyOf(queue.events);
        queue.events.clear();
        queue.bytes = 0;
        scheduler.execute(() -> send(queue, batch, 1));
    }

    private void send(Queue queue, List<String> batch, int attempt) {
        boolean sent = queue.subscription.httpUri() != null ? postHttp(queue, batch) : writeTcp(queue, batch);
        if (!sent && attempt < ATTEMPTS) {
            scheduler.schedule(() -> send(queue, batch, attempt + 1), 100L * attempt, TimeUnit.MILLISECONDS);
        }
    }

    private boolean postHttp(Queue queue, List<String> batch) {
        HttpRequest request = HttpRequest.newBuilder(queue.subscription.httpUri())
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", batch) + "]"))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private boolean writeTcp(Queue queue, List<String> batch) {
        try {
            if (queue.tcp == null || queue.tcp.isClosed()) {
                queue.tcp = new Socket(InetAddress.getLoopbackAddress(), queue.subscription.tcpPort());
            }
            OutputStream out = queue.tcp.getOutputStream();
            for (String event : batch) {
                out.write((event + "\n").getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
            return true;
        } catch (IOException e) {
            queue.tcp = null;
            return false;
        }
    }

    /** Sends what is buffered now, as Lambda does before it shuts an environment down. */
    public synchronized void flushAll() {
        queues.forEach(this::flush);
    }

    @Override
    public void close() {
        flushAll();
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
