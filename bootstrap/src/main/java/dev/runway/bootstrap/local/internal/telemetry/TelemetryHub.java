package dev.runway.bootstrap.local.internal.telemetry;

import dev.runway.bootstrap.local.internal.json.Json;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The Telemetry API's delivery side: each event goes to every {@link Subscriber} that wants its category, which
 * batches it to its HTTP or TCP destination and reports what it could not deliver as {@code platform.logsDropped}.
 * The events of the current init are kept ({@link InitReplay}) and replayed to a subscriber that arrives later in
 * that init, as Lambda does. Each {@code platform.initStart} begins a new environment: the old one's subscribers get
 * what they have buffered, then nothing more (their extensions are restarted, and subscribe again).
 */
public final class TelemetryHub implements TelemetrySink, AutoCloseable {

    private final PrintStream diagnostics;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "runway-telemetry-timer");
        thread.setDaemon(true);
        return thread;
    });
    /** One thread per batch out, at most one batch out per subscriber: a slow subscriber delays no other. */
    private final ExecutorService senders;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Consumer<Map<String, Object>>> listeners = new CopyOnWriteArrayList<>();
    // Guarded by this.
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final InitReplay initEvents = new InitReplay();
    private boolean closed;

    /**
     * @param diagnostics where the platform says that a subscriber loses events (its standard error)
     */
    public TelemetryHub(PrintStream diagnostics) {
        this.diagnostics = diagnostics;
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "runway-telemetry-send-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
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
     * Adds a subscriber, replaying the events of the current init. The caller checked that subscriptions are open.
     * An extension that subscribes again replaces its subscription: one subscriber per extension, however often it
     * asks.
     *
     * @param subscription the subscriber
     */
    synchronized void subscribe(Subscription subscription) {
        if (closed) {
            return;
        }
        subscribers.removeIf(earlier -> {
            boolean replaced = earlier.extension().equals(subscription.extension());
            if (replaced) {
                earlier.retire();
            }
            return replaced;
        });
        Subscriber subscriber = new Subscriber(subscription, Destination.of(subscription, http), timers, senders, diagnostics);
        subscribers.add(subscriber);
        initEvents.replayTo(subscriber);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("name", subscription.extension());
        record.put("state", "Subscribed");
        record.put("types", List.copyOf(subscription.types()));
        emit(event("platform.telemetrySubscription", record));
    }

    @Override
    public synchronized boolean wants(String category) {
        return !listeners.isEmpty() || delivered(category);
    }

    /** Whether an event of the category goes out: kept for the init's replay, or wanted by a subscriber. */
    private boolean delivered(String category) {
        if (initEvents.recording()) {
            return true;
        }
        for (Subscriber subscriber : subscribers) {
            if (subscriber.wants(category)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void platform(String type, Map<String, Object> record) {
        emit(event(type, record));
    }

    @Override
    public void log(String type, String line) {
        if (!wants(type)) {
            return; // nobody takes it: no event is built for the line
        }
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
            subscribers.forEach(Subscriber::retire);
            subscribers.clear();
            initEvents.start();
        }
        for (Consumer<Map<String, Object>> listener : listeners) {
            listener.accept(event);
        }
        if (closed) {
            return;
        }
        String category = type.startsWith("platform.") ? "platform" : type;
        if (!delivered(category)) {
            return; // nobody takes it: not even written as JSON (this runs several times per invocation)
        }
        byte[] json = Json.write(event).getBytes(StandardCharsets.UTF_8);
        initEvents.record(category, json);
        if (type.equals("platform.initReport")) {
            initEvents.stop();
        }
        for (Subscriber subscriber : subscribers) {
            if (subscriber.wants(category)) {
                subscriber.offer(json);
            }
        }
    }

    /** Sends what is buffered, waits a little for it to be delivered, then lets go of every subscriber. */
    @Override
    public void close() {
        List<Subscriber> last;
        synchronized (this) {
            closed = true;
            subscribers.forEach(Subscriber::flush);
            last = List.copyOf(subscribers);
            subscribers.clear();
        }
        // Bounded, as Lambda bounds the shutdown: a subscriber that does not answer in time loses what is left.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        try {
            while (last.stream().anyMatch(s -> !s.idle()) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        senders.shutdownNow();
        last.forEach(Subscriber::close);
        timers.shutdownNow();
    }
}
