package dev.runway.compat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs one function under the RIE on a runtime and collects its answers to a list of events, in order. */
final class Answers {

    private Answers() {}

    /**
     * @param runtime what serves the function
     * @param app the application's module directory under compat/
     * @param handler the handler string
     * @param environment the function's configuration
     * @param events the events, invoked one after the other (the first is the cold start)
     * @return the answers' bodies
     */
    static List<String> of(Runtime runtime, String app, String handler, Map<String, String> environment,
            String... events) {
        Path taskRoot = Compat.taskRoot(app);
        List<String> answers = new ArrayList<>();
        try (Emulator emulator = Emulator.start(runtime, taskRoot, handler, environment, app)) {
            for (String event : events) {
                answers.add(emulator.invoke(event));
            }
        }
        return answers;
    }
}
