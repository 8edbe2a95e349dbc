package dev.runway.bootstrap.local;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Starts the function's runtime for the embedded platform, once per init: as a child process (the
 * {@code bootstrap} command, what local mode does) or on threads of the current JVM (what the JUnit kit does).
 */
@FunctionalInterface
public interface RuntimeLauncher {

    /**
     * Starts a runtime that talks to the Runtime API at {@code environment.get("AWS_LAMBDA_RUNTIME_API")}.
     *
     * @param environment the runtime's whole environment, as the platform gives it
     * @param logLine receives each line the runtime writes to standard output or error, for telemetry
     * @return the running runtime
     * @throws java.io.UncheckedIOException when it cannot be started
     */
    RuntimeInstance start(Map<String, String> environment, Consumer<String> logLine);
}
