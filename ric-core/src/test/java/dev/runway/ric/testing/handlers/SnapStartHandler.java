package dev.runway.ric.testing.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.runway.ric.SnapStartHooks;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Registers two {@code org.crac} resources at class initialization, as a function would in its constructor or a
 * static block, and answers with the hooks that ran so far. {@link Hooks} is the same thing through Runway's SPI.
 * The system property {@code test.snapstart.fail} makes one hook throw: {@code before} or {@code after}.
 */
public class SnapStartHandler implements RequestStreamHandler {

    /** What ran, in order: in its own class, so a test can read and clear it without initializing this one. */
    public static final class Events {
        public static final List<String> LIST = new CopyOnWriteArrayList<>();

        private Events() {}
    }

    private static final Recorder FIRST = new Recorder("first");
    private static final Recorder SECOND = new Recorder("second");

    static {
        org.crac.Core.getGlobalContext().register(FIRST);
        org.crac.Core.getGlobalContext().register(SECOND);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
        output.write(String.join(",", Events.LIST).getBytes(StandardCharsets.UTF_8));
    }

    private record Recorder(String name) implements org.crac.Resource {
        @Override
        public void beforeCheckpoint(org.crac.Context<? extends org.crac.Resource> context) {
            Events.LIST.add("before:" + name);
            if (name.equals("second") && "before".equals(System.getProperty("test.snapstart.fail"))) {
                throw new IllegalStateException("cannot close the pool");
            }
        }

        @Override
        public void afterRestore(org.crac.Context<? extends org.crac.Resource> context) {
            Events.LIST.add("after:" + name);
            if (name.equals("first") && "after".equals(System.getProperty("test.snapstart.fail"))) {
                throw new IllegalStateException("cannot reopen the pool");
            }
        }
    }

    /** The same hooks through {@link SnapStartHooks}, listed in {@code META-INF/services}. */
    public static final class Hooks implements SnapStartHooks {
        @Override
        public void beforeCheckpoint() {
            Events.LIST.add("before:spi");
        }

        @Override
        public void afterRestore() {
            Events.LIST.add("after:spi");
        }
    }
}
