package dev.runway.ric.internal.handler;

/**
 * Runs, on a short-lived daemon thread, the JDK class initializers that a JSON handler's first invocation would
 * otherwise run on the main thread, while the main thread builds the handler's codecs.
 *
 * <p>{@code java.math.BigDecimal}'s initializer computes 5<sup>2<sup>16</sup></sup> on JDK 25 (about 10 ms of
 * interpreted big-integer arithmetic, plus a young collection for the garbage), and Jackson's parser reaches it
 * through its base class's constants at the first event, whatever the function's types. No AOT cache keeps an
 * initialized {@code BigDecimal}, so every cold start pays it. Started when a handler is known to need JSON and
 * before its mapper is built, the work overlaps the 30-40 ms of Jackson introspection that follow. It saves wall
 * time only when a second CPU is free: with one CPU (or a CPU quota below one) it would only compete with the main
 * thread, so it is not started then; its CPU time is the same either way. Stream handlers never start it.
 */
final class JdkClassWarmUp implements Runnable {

    private static boolean started;

    private JdkClassWarmUp() {}

    /**
     * Starts the warm-up once per process, when more than one CPU is available.
     *
     * @return the thread started, or {@code null} when it was started before or there is one CPU only
     */
    static synchronized Thread start() {
        if (started || Runtime.getRuntime().availableProcessors() < 2) {
            return null;
        }
        started = true;
        Thread thread = new Thread(new JdkClassWarmUp(), "runway-class-warm-up");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        try {
            Class.forName("java.math.BigDecimal", true, null);
        } catch (Throwable ignored) {
            // Only a head start: the main thread initializes the class itself, and reports what goes wrong then.
        }
    }
}
