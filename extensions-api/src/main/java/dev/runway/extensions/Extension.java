package dev.runway.extensions;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An extension's lifecycle, as the platform expects it: register, set up, then take events until SHUTDOWN.
 * Registering and running are two steps ({@link #register()} then {@link RegisteredExtension#run()}), so that
 * work the function needs before its own init can finish before registration, and so an internal extension
 * registers before the runtime's first {@code next} and runs its loop on another thread.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     Extension.builder()
 *         .events(EventType.INVOKE, EventType.SHUTDOWN)
 *         .onEvent(event -> { if (event instanceof Event.Invoke invoke) { ... } })
 *         .build()
 *         .runAndExit();
 * }
 * }</pre>
 */
public final class Extension {

    /** The error type reported when the init hook throws. */
    public static final String INIT_FAILED = "Extension.InitFailed";
    /** The error type reported when the event processor throws. */
    public static final String PROCESSOR_FAILED = "Extension.ProcessorFailed";

    private final String name;
    private final EnumSet<EventType> events;
    private final boolean internal;
    private final InitHook init;
    private final EventProcessor processor;
    private final String runtimeApi;

    private Extension(Builder builder) {
        this.internal = builder.internal;
        this.name = builder.name != null ? builder.name : ExtensionName.resolve();
        this.events = builder.events == null ? defaultEvents(internal) : EnumSet.copyOf(builder.events);
        if (internal && events.contains(EventType.SHUTDOWN)) {
            // The platform answers 403 Extension.InvalidEventType; fail before the call, with the reason.
            throw new IllegalArgumentException("internal extensions cannot subscribe to SHUTDOWN: the platform sends"
                    + " SIGTERM to the runtime's process instead (use a JVM shutdown hook)");
        }
        this.init = builder.init;
        this.processor = builder.processor;
        this.runtimeApi = builder.runtimeApi != null ? builder.runtimeApi : System.getenv("AWS_LAMBDA_RUNTIME_API");
    }

    private static EnumSet<EventType> defaultEvents(boolean internal) {
        return internal ? EnumSet.of(EventType.INVOKE) : EnumSet.allOf(EventType.class);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the name it registers under */
    public String name() {
        return name;
    }

    /** @return the events it registers for */
    public Set<EventType> events() {
        return EnumSet.copyOf(events);
    }

    /**
     * Registers with the platform.
     *
     * @return the registered extension, ready to {@link RegisteredExtension#run() run}
     * @throws ExtensionsApiException when the platform refuses
     */
    public RegisteredExtension register() {
        ExtensionsClient client = ExtensionsClient.connect(runtimeApi);
        try {
            Registration registration = client.register(name, events);
            return new RegisteredExtension(client, registration, init, processor);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /**
     * Registers and runs, then ends the JVM: status 0 after SHUTDOWN, 1 after a failure (reported to the platform
     * first when it can be). For an external extension's {@code main}.
     */
    public void runAndExit() {
        int status;
        try {
            status = register().run();
        } catch (ExtensionsApiException e) {
            System.err.println("[" + name + "] " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    /** Builds an {@link Extension}. */
    public static final class Builder {

        private String name;
        private EnumSet<EventType> events;
        private boolean internal;
        private InitHook init;
        private EventProcessor processor;
        private String runtimeApi;

        private Builder() {}

        /**
         * @param name the name to register under; by default {@link ExtensionName#resolve()}
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param types the events; by default INVOKE and SHUTDOWN (INVOKE for internal extensions); none at all is
         *     allowed
         * @return this builder
         */
        public Builder events(EventType... types) {
            this.events = EnumSet.noneOf(EventType.class);
            this.events.addAll(java.util.List.of(types));
            return this;
        }

        /**
         * Marks the extension as internal (in the runtime's process): INVOKE only.
         *
         * @return this builder
         */
        public Builder internal() {
            this.internal = true;
            return this;
        }

        /**
         * @param hook set-up between registration and the first event
         * @return this builder
         */
        public Builder onInit(InitHook hook) {
            this.init = hook;
            return this;
        }

        /**
         * @param processor what handles each event; without one the events are only taken
         * @return this builder
         */
        public Builder onEvent(EventProcessor processor) {
            this.processor = processor;
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
         * @return the extension
         * @throws IllegalArgumentException when an internal extension asks for SHUTDOWN
         * @throws IllegalStateException when no name is given and no launcher set one
         */
        public Extension build() {
            return new Extension(this);
        }
    }
}
