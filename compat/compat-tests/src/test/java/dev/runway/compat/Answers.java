package dev.runway.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One function run under the RIE on a runtime: its answers to a list of events, in order (the first is the cold
 * start), the request ids the RIE gave them, and everything the RIE and the function printed.
 *
 * @param bodies the answers' bodies
 * @param requestIds the invocations' request ids, from the RIE's START lines
 * @param log the RIE's and the function's output
 */
record Answers(List<String> bodies, List<String> requestIds, String log) {

    private static final Pattern START = Pattern.compile("START RequestId: ([0-9a-f-]+)");
    private static final Pattern INIT = Pattern.compile("INIT REPORT\\(durationMs: ([0-9.]+)\\)");

    /**
     * @param runtime what serves the function
     * @param app the application's module directory under compat/
     * @param handler the handler string
     * @param environment the function's configuration
     * @param events the events, invoked one after the other
     * @return the run's answers
     */
    static Answers of(Runtime runtime, String app, String handler, Map<String, String> environment,
            String... events) {
        Path taskRoot = Compat.taskRoot(app);
        List<String> bodies = new ArrayList<>();
        try (Emulator emulator = Emulator.start(runtime, taskRoot, handler, environment, app)) {
            long started = System.nanoTime();
            for (String event : events) {
                bodies.add(emulator.invoke(event));
                if (bodies.size() == 1) {
                    record(runtime, app, environment, (System.nanoTime() - started) / 1_000_000.0, emulator.log());
                }
            }
            String log = emulator.log();
            List<String> ids = new ArrayList<>();
            Matcher matcher = START.matcher(log);
            while (matcher.find()) {
                ids.add(matcher.group(1));
            }
            return new Answers(List.copyOf(bodies), List.copyOf(ids), log);
        }
    }

    /**
     * Appends one line to {@code coldstart.txt}: the first invocation's round trip as the test's client saw it
     * (the runtime's whole start included) and the RIE's init duration. Informative, never asserted: the figures
     * in docs/performance.md come from this file.
     */
    private static void record(Runtime runtime, String app, Map<String, String> environment, double firstMillis,
            String log) {
        Matcher init = INIT.matcher(log);
        String line = "%-22s %-34s %-13s first invoke %8.1f ms, RIE init %s ms%n".formatted(app,
                environment.getOrDefault("SPRING_CLOUD_FUNCTION_DEFINITION",
                        environment.containsKey("AWS_LAMBDA_EXEC_WRAPPER") ? "otel agent (exec wrapper)"
                                : environment.getOrDefault("JAVA_TOOL_OPTIONS", "").contains("javaagent")
                                        ? "otel agent (JAVA_TOOL_OPTIONS)" : ""),
                runtime.name().toLowerCase(), firstMillis, init.find() ? init.group(1) : "?");
        try {
            Files.writeString(Compat.directory(".").resolve("coldstart.txt"), line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the bodies with each invocation's own request id replaced by a fixed text, to compare runs */
    List<String> withoutRequestIds() {
        List<String> out = new ArrayList<>();
        for (String body : bodies) {
            for (String id : requestIds) {
                body = body.replace(id, "<request-id>");
            }
            out.add(body);
        }
        return out;
    }
}
