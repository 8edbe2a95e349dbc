package dev.runway.compat;

import java.nio.file.Path;
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
            for (String event : events) {
                bodies.add(emulator.invoke(event));
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
