package dev.runway.maven.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One run of {@code bootstrap --train} on a task root, either on this machine with the runtime where it is, or in a
 * container with the layer at {@code /opt} and the task root at {@code /var/task}, the paths a zip function runs
 * at on Lambda. The cache records absolute paths: a cache trained at other paths is ignored (with one line in the
 * function's log) where the function runs.
 *
 * @param runtime the Runway runtime to train with
 * @param taskRoot the function's task root, where the cache is written
 * @param handler the function's handler
 * @param events the event files, in order; none means one {@code {}}
 * @param environment the function's environment variables for the training run
 * @param container how to run it in a container, or {@code null} to run it on this machine
 * @param workDirectory a directory of the plugin's own (the events are copied there for the container)
 */
public record Training(RunwayRuntime runtime, Path taskRoot, String handler, List<Path> events,
        Map<String, String> environment, Container container, Path workDirectory) {

    /** The cache's file name in the task root, as {@code bootstrap --train} writes it. */
    public static final String CACHE = "runway.aot";

    /** Where the container sees the event files. */
    static final String CONTAINER_EVENTS = "/tmp/runway-train-events";

    /**
     * A container to train in: the Lambda base image the function runs on, or a stand-in for it.
     *
     * @param command the container engine's command line program ({@code docker}, {@code podman})
     * @param image the image, with a shell and the C library the layer's JRE needs
     * @param user the {@code --user} to run as (the task root's owner, so the cache is not root's), or empty
     * @param options further options of {@code run}
     */
    public record Container(String command, String image, String user, List<String> options) {}

    /**
     * Runs the training, printing its output line by line.
     *
     * @param log where each line of the training's output goes
     * @return the cache written
     * @throws TrainingException when it could not run, failed, or wrote no cache
     */
    public Path run(Consumer<String> log) throws TrainingException {
        List<String> command;
        try {
            command = container == null ? hostCommand() : containerCommand();
        } catch (IOException e) {
            throw new TrainingException("Cannot prepare the training's event files: " + e.getMessage(), e);
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile()).redirectErrorStream(true);
        if (container == null) {
            builder.environment().putAll(environment);
            builder.environment().put("LAMBDA_TASK_ROOT", taskRoot.toString());
        }
        log.accept("[runway train] " + String.join(" ", command));
        StringBuilder output = new StringBuilder();
        int status;
        try {
            Process process = builder.start();
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    log.accept(line);
                    output.append(line).append('\n');
                }
            }
            status = process.waitFor();
        } catch (IOException e) {
            throw new TrainingException("Cannot start " + command.get(0) + ": " + e.getMessage() + (container == null
                    ? "" : ". Training in a container needs a container engine's command (<containerCommand>, now "
                    + container.command() + "); or set <container>false</container> to train on this machine"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrainingException("Interrupted while training", e);
        }
        Path cache = taskRoot.resolve(CACHE);
        if (status != 0) {
            throw new TrainingFailedException("The training of " + handler + " failed (" + String.join(" ", command)
                    + " exited with status " + status + "). Its output:\n" + output);
        }
        if (!Files.isRegularFile(cache)) {
            throw new TrainingFailedException("The training of " + handler + " wrote no " + cache + ". Its output:\n"
                    + output);
        }
        return cache;
    }

    private List<String> hostCommand() {
        List<String> command = new ArrayList<>(List.of(runtime.bootstrap().toString(), "--train"));
        for (Path event : events) {
            command.add("--event");
            command.add(event.toAbsolutePath().toString());
        }
        command.add(handler);
        return command;
    }

    private List<String> containerCommand() throws IOException {
        List<String> command = new ArrayList<>(List.of(container.command(), "run", "--rm"));
        if (!container.user().isBlank()) {
            command.add("--user");
            command.add(container.user());
        }
        command.add("-v");
        command.add(runtime.home() + ":/opt:ro");
        command.add("-v");
        command.add(taskRoot + ":/var/task");
        List<String> eventArguments = new ArrayList<>();
        if (!events.isEmpty()) {
            Path eventDirectory = workDirectory.resolve("events");
            RunwayRuntime.deleteTree(eventDirectory);
            Files.createDirectories(eventDirectory);
            for (int i = 0; i < events.size(); i++) {
                String name = (i + 1) + ".json";
                Files.copy(events.get(i), eventDirectory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                eventArguments.add("--event");
                eventArguments.add(CONTAINER_EVENTS + "/" + name);
            }
            command.add("-v");
            command.add(eventDirectory + ":" + CONTAINER_EVENTS + ":ro");
        }
        command.add("-w");
        command.add("/var/task");
        command.add("-e");
        command.add("LAMBDA_TASK_ROOT=/var/task");
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            command.add("-e");
            command.add(variable.getKey() + "=" + variable.getValue());
        }
        command.add("--entrypoint");
        command.add("/opt/bootstrap");
        command.addAll(container.options());
        command.add(container.image());
        command.add("--train");
        command.addAll(eventArguments);
        command.add(handler);
        return command;
    }
}
