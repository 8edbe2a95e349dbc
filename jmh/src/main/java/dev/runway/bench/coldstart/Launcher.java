package dev.runway.bench.coldstart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the command line and environment of one client process. Everything but the class path and main class is
 * the same for every client, so the harness compares runtimes and nothing else.
 */
final class Launcher {

    private final Options options;
    private final Layout layout;
    private final String runtimeApi;

    Launcher(Options options, Layout layout, String runtimeApi) {
        this.options = options;
        this.layout = layout;
        this.runtimeApi = runtimeApi;
    }

    /**
     * @param client the client
     * @param workload the function it runs
     * @param prefix what goes before {@code java} on the command line, such as {@code taskset -c 1}, or nothing
     * @return a process builder, not started; output goes to the client's log file
     */
    ProcessBuilder builder(Client client, Workload workload, List<String> prefix) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(command(client, workload));
        return builder(command, layout.taskRoot(client, workload), workload, layout.log(client, workload));
    }

    /**
     * The training run of the {@code runway} client: Runway with {@code -XX:AOTCacheOutput}, serving the
     * training function from its own task root. The JVM writes the cache when the process exits.
     *
     * @param handler the training function's handler string
     * @return a process builder, not started
     */
    ProcessBuilder trainingBuilder(String handler) {
        List<String> command = new ArrayList<>();
        command.add(options.java().toString());
        command.addAll(Client.withoutSharing(options.jvmFlags()));
        command.add("-XX:AOTCacheOutput=" + layout.aotCache());
        command.add("-cp");
        command.add(Client.RUNWAY_AOT.classPath(layout, Workload.POJO));
        command.add(Client.RUNWAY_AOT.mainClass());
        command.add(handler);
        ProcessBuilder builder = builder(command, layout.trainingRoot(), Workload.POJO,
                layout.logs().resolve("training-runway.log"));
        builder.environment().put("_HANDLER", handler);
        return builder;
    }

    /**
     * The training run of a trained client ({@code runway-trained}, {@code runway-variant}): as {@code bootstrap --train} trains, on the
     * benchmarked function itself, its jars on the class path.
     *
     * @param client the trained client
     * @param workload the function
     * @return a process builder, not started
     */
    ProcessBuilder functionTrainingBuilder(Client client, Workload workload) {
        List<String> command = new ArrayList<>();
        command.add(options.java().toString());
        command.addAll(Client.withoutSharing(options.jvmFlags()));
        if (client == Client.RUNWAY_VARIANT) {
            command.addAll(options.variantFlags());
        }
        command.add("-XX:AOTCacheOutput=" + layout.trainedCache(client, workload));
        command.add("-cp");
        command.add(client.classPath(layout, workload));
        command.add(client.mainClass());
        command.add(workload.handler());
        return builder(command, layout.taskRoot(client, workload), workload,
                layout.logs().resolve("training-" + workload.label() + "-" + client.label() + ".log"));
    }

    /** @return the command line, for the report and for running a client by hand */
    List<String> command(Client client, Workload workload) {
        List<String> command = new ArrayList<>();
        command.add(options.java().toString());
        command.addAll(client.jvmFlags(options.jvmFlags(), layout, workload));
        if (client == Client.RUNWAY_TRAINED) {
            command.addAll(options.trainedFlags());
        }
        if (client == Client.RUNWAY_VARIANT) {
            command.addAll(options.variantFlags());
        }
        command.add("-cp");
        command.add(client.classPath(layout, workload));
        command.add(client.mainClass());
        command.add(workload.handler());
        return command;
    }

    private ProcessBuilder builder(List<String> command, Path taskRoot, Workload workload, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.directory(taskRoot.toFile());
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        environment(builder.environment(), taskRoot, workload.handler());
        builder.environment().putAll(workload.environment());
        return builder;
    }

    /**
     * What Lambda sets for a 512 MB function, and nothing from the harness's own environment: in particular no
     * {@code JAVA_TOOL_OPTIONS}, which would change every client's flags behind the harness's back.
     */
    private void environment(Map<String, String> env, Path taskRoot, String handler) {
        String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.clear();
        env.put("PATH", path);
        env.put("LANG", "C.UTF-8");
        env.put("TZ", ":UTC");
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("_HANDLER", handler);
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "bench");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/bench");
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/11/21/[$LATEST]0123456789abcdef0123456789abcdef");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
    }
}
