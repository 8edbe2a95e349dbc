package dev.runway.ric.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test when any thread died of an uncaught exception while it ran, as OkHttp's test listener does: a
 * failure on a server or loop thread must not pass unnoticed. Registered for every test by
 * {@code META-INF/services} (JUnit extension auto-detection is on in the build).
 */
public final class FailOnUncaughtExceptions implements BeforeEachCallback, AfterEachCallback {

    private static final List<Throwable> UNCAUGHT = new CopyOnWriteArrayList<>();

    static {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            UNCAUGHT.add(new AssertionError("uncaught exception on thread " + thread.getName(), error));
            error.printStackTrace();
        });
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        UNCAUGHT.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!UNCAUGHT.isEmpty()) {
            AssertionError failure = new AssertionError(UNCAUGHT.size() + " uncaught exception(s) during the test");
            UNCAUGHT.forEach(failure::addSuppressed);
            UNCAUGHT.clear();
            throw failure;
        }
    }
}
