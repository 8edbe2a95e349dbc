package dev.runway.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.runway.ric.crac.Core;
import dev.runway.ric.crac.Resource;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Registers a SnapStart resource at class initialization and answers with the hooks that ran. With
 * {@code PROBE_FAIL_AFTER_RESTORE=true} its after-restore hook fails.
 */
public class SnapStartProbe implements RequestStreamHandler {

    private static final List<String> RAN = new CopyOnWriteArrayList<>();
    private static final Resource RESOURCE = new Resource() {
        @Override
        public void beforeCheckpoint(dev.runway.ric.crac.Context<? extends Resource> context) {
            RAN.add("beforeCheckpoint");
        }

        @Override
        public void afterRestore(dev.runway.ric.crac.Context<? extends Resource> context) {
            RAN.add("afterRestore");
            if ("true".equals(System.getenv("PROBE_FAIL_AFTER_RESTORE"))) {
                throw new IllegalStateException("the connection pool did not come back");
            }
        }
    };

    static {
        Core.getGlobalContext().register(RESOURCE);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
        output.write(String.join(",", RAN).getBytes(StandardCharsets.UTF_8));
    }
}
