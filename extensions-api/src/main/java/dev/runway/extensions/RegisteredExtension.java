package dev.runway.extensions;

/**
 * A registered extension: its {@link Registration}, and the loop that takes its events.
 */
public final class RegisteredExtension implements AutoCloseable {

    private final ExtensionsClient client;
    private final Registration registration;
    private final InitHook init;
    private final EventProcessor processor;
    private volatile boolean closed;

    RegisteredExtension(ExtensionsClient client, Registration registration, InitHook init, EventProcessor processor) {
        this.client = client;
        this.registration = registration;
        this.init = init;
        this.processor = processor;
    }

    /** @return the platform's answer to the registration */
    public Registration registration() {
        return registration;
    }

    /** @return the client, for calls of one's own (such as a Telemetry API subscription's id) */
    public ExtensionsClient client() {
        return client;
    }

    /**
     * Runs the init hook, then takes events until SHUTDOWN. A failing init hook is reported to {@code /init/error},
     * a failing processor to {@code /exit/error}; the loop then ends.
     *
     * @return 0 after SHUTDOWN (or {@link #close()}), 1 after a failure
     */
    public int run() {
        try {
            if (init != null) {
                try {
                    init.init(registration);
                } catch (Exception | LinkageError e) {
                    report(true, ExtensionError.of(Extension.INIT_FAILED, e));
                    return 1;
                }
            }
            while (true) {
                Event event;
                try {
                    event = client.next();
                } catch (ExtensionsApiException e) {
                    if (closed) {
                        return 0;
                    }
                    System.err.println("[" + registration.name() + "] " + e.getMessage());
                    return 1;
                }
                if (processor != null) {
                    try {
                        processor.process(event);
                    } catch (Exception | LinkageError e) {
                        report(false, ExtensionError.of(Extension.PROCESSOR_FAILED, e));
                        return 1;
                    }
                    warnIfLate(event);
                }
                if (event instanceof Event.Shutdown) {
                    return 0;
                }
            }
        } finally {
            client.close();
        }
    }

    /**
     * The time an extension spends on an event is billed and counts against the function's timeout (or, at
     * SHUTDOWN, ends in SIGKILL): say so when it ran past the deadline.
     */
    private void warnIfLate(Event event) {
        long late = System.currentTimeMillis() - event.deadlineMs();
        if (event.deadlineMs() > 0 && late > 0) {
            System.err.println("[" + registration.name() + "] processing " + (event instanceof Event.Invoke ? "INVOKE" : "SHUTDOWN")
                    + " ended " + late + " ms after its deadline");
        }
    }

    private void report(boolean duringInit, ExtensionError error) {
        System.err.println("[" + registration.name() + "] " + error.errorType() + ": " + error.errorMessage());
        try {
            if (duringInit) {
                client.initError(error);
            } else {
                client.exitError(error);
            }
        } catch (ExtensionsApiException e) {
            System.err.println("[" + registration.name() + "] " + e.getMessage());
        }
    }

    /** Stops the loop: a parked {@code /event/next} fails and {@link #run()} returns 0. */
    @Override
    public void close() {
        closed = true;
        client.close();
    }
}
