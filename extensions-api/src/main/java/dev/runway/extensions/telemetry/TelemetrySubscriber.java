package dev.runway.extensions.telemetry;

import dev.runway.extensions.ExtensionsApiException;
import dev.runway.extensions.Registration;
import dev.runway.wire.internal.http.HostPort;
import dev.runway.wire.internal.http.Http1Client;
import dev.runway.wire.internal.http.HttpResponse;
import dev.runway.wire.internal.json.JsonException;
import dev.runway.wire.internal.json.JsonReader;
import dev.runway.wire.internal.json.JsonWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Subscribes an extension to the Telemetry API and hands what comes to a {@link TelemetryProcessor} in batches.
 *
 * <p>The canonical order is register, {@link #start listen and subscribe} (during init: the platform accepts
 * subscriptions only then), then take events; on each INVOKE, {@link #awaitRuntimeDone} before the next
 * {@code /event/next}, so the invocation's telemetry is processed before the environment freezes; on SHUTDOWN,
 * {@link #flush} with the event's deadline, then {@link #close()}.
 *
 * <pre>{@code
 * TelemetrySubscriber telemetry = TelemetrySubscriber.builder().processor(batch -> ship(batch)).build();
 * Extension.builder()
 *     .onInit(telemetry::start)
 *     .onEvent(event -> {
 *         switch (event) {
 *             case Event.Invoke invoke -> telemetry.awaitRuntimeDone(invoke.requestId(), invoke.deadlineMs());
 *             case Event.Shutdown shutdown -> telemetry.flush(shutdown.deadlineMs() - 100);
 *         }
 *     })
 *     .build().runAndExit();
 * }</pre>
 */
public final class TelemetrySubscriber implements AutoCloseable {

    /** The default listener port; taken, any free port is used instead. */
    public static final int DEFAULT_PORT = 9003;
    private static final String TELEMETRY_PATH = "/2022-07-01/telemetry";
    private static final String LOGS_PATH = "/2020-08-15/logs";

    private final Settings settings;
    private final BatchDispatcher dispatcher;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private volatile Subscription subscription;
    private TelemetryListener listener;

    private TelemetrySubscriber(Settings settings) {
        this.settings = settings;
        this.dispatcher = new BatchDispatcher(settings.queueCapacity(), settings.batchSize(), settings.processor());
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the listener, then subscribes: a 404 from the Telemetry API falls back to the Logs API; a platform
     * that answers "not supported" (202) leaves the subscriber idle rather than failing.
     *
     * @param registration the extension's registration (its id)
     * @return how the platform answered
     * @throws IOException when the listener cannot be bound
     * @throws ExtensionsApiException when the platform refuses the subscription (such as 403
     *     {@code Telemetry.SubscriptionClosed} after init)
     * @throws InterruptedException when interrupted while binding
     */
    public synchronized Subscription start(Registration registration) throws IOException, InterruptedException {
        if (listener != null) {
            throw new IllegalStateException("already started");
        }
        String api = settings.runtimeApi() != null ? settings.runtimeApi() : System.getenv("AWS_LAMBDA_RUNTIME_API");
        listener = TelemetryListener.start(bindAddress(), settings.port(), 2 * settings.buffering().maxBytes() + 64 * 1024,
                this::accept);
        dispatcher.start();
        try (Http1Client client = new Http1Client(
                HostPort.parse(Objects.requireNonNull(api, "AWS_LAMBDA_RUNTIME_API"), "AWS_LAMBDA_RUNTIME_API"))) {
            subscription = subscribe(client, registration.extensionId());
        } catch (IOException e) {
            throw new ExtensionsApiException("the Telemetry API is unreachable: " + e, 0, null, e);
        }
        return subscription;
    }

    private Subscription subscribe(Http1Client client, String extensionId) throws IOException {
        HttpResponse response = put(client, TELEMETRY_PATH, extensionId, settings.schemaVersion());
        if (response.status() == 404) {
            response = put(client, LOGS_PATH, extensionId, "2021-03-18");
            if (response.status() == 200) {
                return Subscription.LOGS_API;
            }
            if (response.status() == 202 || response.status() == 404) {
                return Subscription.NOT_SUPPORTED;
            }
        } else if (response.status() == 200) {
            return Subscription.TELEMETRY_API;
        } else if (response.status() == 202) {
            return Subscription.NOT_SUPPORTED;
        }
        String type = null;
        try {
            if (JsonReader.parse(response.text()) instanceof Map<?, ?> error && error.get("errorType") instanceof String t) {
                type = t;
            }
        } catch (JsonException notJson) {
            // the body is the message
        }
        throw new ExtensionsApiException("the platform refused the telemetry subscription: HTTP " + response.status()
                + " " + response.text(), response.status(), type, null);
    }

    private HttpResponse put(Http1Client client, String path, String extensionId, String schema) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemaVersion", schema);
        List<String> types = new ArrayList<>();
        settings.types().forEach(type -> types.add(type.apiName()));
        body.put("types", types);
        body.put("buffering", Map.of("maxItems", settings.buffering().maxItems(), "maxBytes", settings.buffering().maxBytes(),
                "timeoutMs", settings.buffering().timeoutMs()));
        Map<String, Object> destination = new LinkedHashMap<>();
        destination.put("protocol", "HTTP");
        destination.put("URI", "http://sandbox.localdomain:" + listener.port());
        body.put("destination", destination);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Lambda-Extension-Identifier", extensionId);
        headers.put("Content-Type", "application/json");
        return client.send("PUT", path, headers, JsonWriter.write(body).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Where the listener binds: the sandbox's own address, so that only the platform (and the sandbox's processes)
     * reach it; loopback where {@code sandbox.localdomain} does not resolve (local runs, where the platform posts to
     * loopback).
     */
    private InetAddress bindAddress() {
        if (settings.bindAddress() != null) {
            return settings.bindAddress();
        }
        try {
            return InetAddress.getByName("sandbox.localdomain");
        } catch (UnknownHostException e) {
            return InetAddress.getLoopbackAddress();
        }
    }

    /** The listener's sink, on its event loop: queue every event, count those that do not fit. */
    private void accept(String body) {
        List<String> elements = JsonReader.arrayElements(body);
        for (String element : elements) {
            TelemetryEvent event;
            try {
                event = TelemetryEvent.parse(element);
            } catch (IllegalArgumentException e) {
                dropped.incrementAndGet();
                continue;
            }
            received.incrementAndGet();
            if (!dispatcher.offer(event)) {
                dropped.incrementAndGet();
            }
        }
    }

    /**
     * Waits until the processor has handled the invocation's {@code platform.runtimeDone} (and so everything queued
     * before it), or until the deadline. Returns at once when telemetry is not supported.
     *
     * @param requestId the invocation's request id
     * @param deadlineMs epoch milliseconds; the invocation's deadline is the natural bound
     * @return whether the runtimeDone was processed in time
     * @throws InterruptedException when interrupted
     */
    public boolean awaitRuntimeDone(String requestId, long deadlineMs) throws InterruptedException {
        if (subscription != Subscription.TELEMETRY_API && subscription != Subscription.LOGS_API) {
            return false;
        }
        return dispatcher.awaitRuntimeDone(requestId, deadlineMs);
    }

    /**
     * Waits until every event received so far is processed, or until the deadline.
     *
     * @param deadlineMs epoch milliseconds
     * @return whether the queue was drained in time
     * @throws InterruptedException when interrupted
     */
    public boolean flush(long deadlineMs) throws InterruptedException {
        return dispatcher.flush(deadlineMs);
    }

    /** @return how the platform answered the subscription, or {@code null} before {@link #start} */
    public Subscription subscription() {
        return subscription;
    }

    /** @return the port the listener is bound to */
    public synchronized int port() {
        if (listener == null) {
            throw new IllegalStateException("not started");
        }
        return listener.port();
    }

    /** @return events lost because the queue was full (or unreadable) */
    public long dropped() {
        return dropped.get();
    }

    /** @return events received */
    public long received() {
        return received.get();
    }

    /** Stops the listener; what is queued is still processed. Later events are dropped and counted. */
    @Override
    public synchronized void close() {
        dispatcher.close();
        if (listener != null) {
            listener.close();
        }
    }

    /** Builds a {@link TelemetrySubscriber}. */
    public static final class Builder {

        private int port = DEFAULT_PORT;
        private InetAddress bindAddress;
        private Set<TelemetryType> types = EnumSet.of(TelemetryType.PLATFORM, TelemetryType.FUNCTION);
        private Buffering buffering = Buffering.DEFAULT;
        private int queueCapacity = 10_000;
        private int batchSize = 1_000;
        private String schemaVersion = "2022-12-13";
        private String runtimeApi;
        private TelemetryProcessor processor;

        private Builder() {}

        /**
         * @param port the listener's port, {@value TelemetrySubscriber#DEFAULT_PORT} by default; 0 for any. A taken
         *     port falls back to any free one.
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535 || port == 9001) {
                throw new IllegalArgumentException("not a usable port (9001 is the platform's): " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * @param address where to bind; by default {@code sandbox.localdomain}'s address, or loopback
         * @return this builder
         */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = address;
            return this;
        }

        /**
         * @param first a stream
         * @param more more streams
         * @return this builder
         */
        public Builder types(TelemetryType first, TelemetryType... more) {
            this.types = EnumSet.of(first, more);
            return this;
        }

        /**
         * @param buffering the platform's batching, validated on construction
         * @return this builder
         */
        public Builder buffering(Buffering buffering) {
            this.buffering = Objects.requireNonNull(buffering);
            return this;
        }

        /**
         * @param capacity events queued at most; more are dropped and counted
         * @return this builder
         */
        public Builder queueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be positive");
            }
            this.queueCapacity = capacity;
            return this;
        }

        /**
         * @param size events per processor call at most
         * @return this builder
         */
        public Builder batchSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("batch size must be positive");
            }
            this.batchSize = size;
            return this;
        }

        /**
         * @param version {@code 2022-07-01}, {@code 2022-12-13} (the default) or {@code 2025-01-29} (required by
         *     Lambda Managed Instances)
         * @return this builder
         */
        public Builder schemaVersion(String version) {
            this.schemaVersion = Objects.requireNonNull(version);
            return this;
        }

        /**
         * @param hostAndPort the platform's API address; by default {@code AWS_LAMBDA_RUNTIME_API}
         * @return this builder
         */
        public Builder runtimeApi(String hostAndPort) {
            this.runtimeApi = hostAndPort;
            return this;
        }

        /**
         * @param processor what gets the batches
         * @return this builder
         */
        public Builder processor(TelemetryProcessor processor) {
            this.processor = processor;
            return this;
        }

        /** @return the subscriber, with this builder's settings as they are now (later changes do not reach it) */
        public TelemetrySubscriber build() {
            return new TelemetrySubscriber(new Settings(port, bindAddress, EnumSet.copyOf(types), buffering,
                    queueCapacity, batchSize, schemaVersion, runtimeApi, processor));
        }
    }

    /** A built subscriber's settings: a copy of its builder's, taken at {@link Builder#build()}. */
    private record Settings(int port, InetAddress bindAddress, Set<TelemetryType> types, Buffering buffering,
            int queueCapacity, int batchSize, String schemaVersion, String runtimeApi, TelemetryProcessor processor) {}
}
