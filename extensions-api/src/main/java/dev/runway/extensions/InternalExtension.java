package dev.runway.extensions;

/**
 * An internal extension: Java code on the function's class path that runs inside the runtime's JVM, found with
 * {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/dev.runway.extensions.InternalExtension}; it needs a public no-argument constructor).
 *
 * <p>Runway's bootstrap registers each one (INVOKE only: the platform does not send SHUTDOWN to internal
 * extensions) before the runtime's first {@code /next}, runs its {@code /event/next} loop on a daemon thread, and
 * calls {@link #invocationStarted} and {@link #invocationFinished} from the invocation loop itself, keyed by the
 * request id. Both run on the function's thread and before the platform can freeze the environment, so keep them
 * short: their time is the function's. For shutdown work, use {@link ShutdownCallbacks}.
 */
public interface InternalExtension {

    /**
     * @return the name it registers under; unique among the environment's extensions, and not the file name of an
     *     external extension. By default the class's simple name.
     */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * Called once registered, before the function's handler is loaded.
     *
     * @param registration the platform's answer
     * @throws Exception to fail the init: reported to {@code /init/error}
     */
    default void init(Registration registration) throws Exception {}

    /**
     * An invocation starts: called on the invocation's thread just before the handler.
     *
     * @param requestId the request id
     * @param deadlineMs the invocation's deadline, in milliseconds since the epoch
     */
    default void invocationStarted(String requestId, long deadlineMs) {}

    /**
     * An invocation ended: called on the invocation's thread once the response or error is posted, before the
     * runtime asks for the next one (so before the environment can freeze).
     *
     * @param requestId the request id
     * @param failed whether the function failed (an error was posted)
     */
    default void invocationFinished(String requestId, boolean failed) {}

    /**
     * An INVOKE event, on the extension's own thread: the platform waits for this to return before it ends the
     * invocation.
     *
     * @param event the event
     * @throws Exception to fail the environment: reported to {@code /exit/error}
     */
    default void onInvoke(Event.Invoke event) throws Exception {}
}
