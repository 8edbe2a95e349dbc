package dev.runway.bootstrap.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Local mode's settings, from the command line first, then the environment, then the RIE's defaults.
 *
 * @param host the address the invoke endpoint binds (the Runtime API always listens on loopback)
 * @param port the invoke endpoint's port
 * @param runtimeApiPort the Runtime API's port, 0 for any
 * @param handler the handler
 * @param taskRoot the function's directory
 * @param extensionsDirectory the external extensions' directory, or {@code null} for none
 * @param functionName the function's name
 * @param functionVersion the function's version
 * @param memoryMb the memory size
 * @param timeoutSeconds the function timeout
 * @param maxConcurrency {@code AWS_LAMBDA_MAX_CONCURRENCY}, 0 when unset
 * @param help whether to print the usage and stop
 * @param watch the directory whose class files and jars to watch ({@code --watch}), or {@code null}
 */
record LocalOptions(String host, int port, int runtimeApiPort, String handler, Path taskRoot, Path extensionsDirectory,
        String functionName, String functionVersion, int memoryMb, int timeoutSeconds, int maxConcurrency, boolean help,
        Path watch) {

    static final String USAGE = """
            Usage: bootstrap [--local] [options] [handler]
              Serves the function as Lambda runs it: invoke it with
              curl -X POST http://127.0.0.1:8080/2015-03-31/functions/function/invocations -d '{}'
              or open the local console at http://127.0.0.1:8080/
              --task-root DIR          the function's directory (LAMBDA_TASK_ROOT, default the working directory)
              --watch [DIR]            a fresh environment whenever class files or jars change under DIR (the task root)
              --port N                 invoke endpoint port (RUNWAY_LOCAL_PORT, default 8080)
              --host ADDRESS           address the invoke endpoint binds (RUNWAY_LOCAL_HOST, default 127.0.0.1);
                                       the Runtime, Extensions and Telemetry APIs always listen on 127.0.0.1
              --runtime-api-port N     Runtime API port (RUNWAY_LOCAL_RUNTIME_API_PORT, default any free one)
              --extensions DIR         external extensions to start (RUNWAY_EXTENSIONS_DIR, default /opt/extensions)
              --no-extensions          start no external extension
              --runtime-interface-emulator-address HOST:PORT, --runtime-api-address HOST:PORT  as the RIE takes them
              Environment as under the RIE: AWS_LAMBDA_FUNCTION_TIMEOUT (300), AWS_LAMBDA_FUNCTION_NAME (test_function),
              AWS_LAMBDA_FUNCTION_MEMORY_SIZE (3008), AWS_LAMBDA_MAX_CONCURRENCY, _HANDLER, LAMBDA_TASK_ROOT.
            Usage: bootstrap invoke [-e FILE|-] [options] [handler]
              One invocation: the event from FILE (- for standard input; default {}), the response on standard output,
              the logs and the REPORT line on standard error; exit status 1 on a function error.
            Usage: bootstrap generate-event SOURCE [--body TEXT] [--method M] [--path P] [--region R] [...]
              A sample event of SOURCE on standard output; bootstrap generate-event --help lists the sources.""";

    static LocalOptions parse(List<String> args, Map<String, String> env) {
        String host = env.getOrDefault("RUNWAY_LOCAL_HOST", "127.0.0.1");
        int port = number(env.get("RUNWAY_LOCAL_PORT"), 8080, "RUNWAY_LOCAL_PORT");
        int apiPort = number(env.get("RUNWAY_LOCAL_RUNTIME_API_PORT"), 0, "RUNWAY_LOCAL_RUNTIME_API_PORT");
        String extensions = env.getOrDefault("RUNWAY_EXTENSIONS_DIR", "/opt/extensions");
        String handler = null;
        String taskRoot = env.get("LAMBDA_TASK_ROOT");
        String watch = null;
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--local" -> { }
                case "--help", "-h" -> help = true;
                case "--no-extensions" -> extensions = "";
                case "--port" -> port = number(value(args, ++i, arg), 0, arg);
                case "--host" -> host = value(args, ++i, arg);
                case "--runtime-api-port" -> apiPort = number(value(args, ++i, arg), 0, arg);
                case "--extensions" -> extensions = value(args, ++i, arg);
                case "--task-root" -> taskRoot = value(args, ++i, arg);
                case "--watch" -> {
                    // The directory is optional: a next argument that is one is it; otherwise the task root.
                    boolean directory = i + 1 < args.size() && !args.get(i + 1).startsWith("-")
                            && Files.isDirectory(Path.of(args.get(i + 1)));
                    watch = directory ? args.get(++i) : "";
                }
                case "--runtime-interface-emulator-address" -> {
                    String address = value(args, ++i, arg);
                    host = hostOf(address, arg);
                    port = number(address.substring(address.lastIndexOf(':') + 1), 0, arg);
                }
                case "--runtime-api-address" -> {
                    String address = value(args, ++i, arg);
                    requireLoopback(hostOf(address, arg), arg);
                    apiPort = number(address.substring(address.lastIndexOf(':') + 1), 0, arg);
                }
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("Unknown option " + arg);
                    }
                    if (handler != null) {
                        throw new IllegalArgumentException("One handler only, got " + handler + " and " + arg);
                    }
                    handler = arg;
                }
            }
        }
        if (handler == null) {
            handler = env.getOrDefault("AWS_LAMBDA_FUNCTION_HANDLER", env.get("_HANDLER"));
        }
        String timeout = env.get("AWS_LAMBDA_FUNCTION_TIMEOUT");
        int timeoutSeconds = number(timeout, 300, "AWS_LAMBDA_FUNCTION_TIMEOUT");
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("AWS_LAMBDA_FUNCTION_TIMEOUT must be at least 1 second, got " + timeout);
        }
        int memory = number(env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), 3008, "AWS_LAMBDA_FUNCTION_MEMORY_SIZE");
        String concurrency = env.get("AWS_LAMBDA_MAX_CONCURRENCY");
        // As the RIE: the variable being set at all selects Lambda Managed Instances semantics.
        int maxConcurrency = concurrency == null ? 0 : Math.max(1, number(concurrency, 1, "AWS_LAMBDA_MAX_CONCURRENCY"));
        Path root = (taskRoot == null || taskRoot.isBlank() ? Path.of("") : Path.of(taskRoot)).toAbsolutePath();
        return new LocalOptions(host, port, apiPort, handler, root,
                extensions.isBlank() ? null : Path.of(extensions),
                nonBlank(env.get("AWS_LAMBDA_FUNCTION_NAME"), "test_function"),
                nonBlank(env.get("AWS_LAMBDA_FUNCTION_VERSION"), "$LATEST"),
                memory, timeoutSeconds, maxConcurrency, help,
                watch == null ? null : watch.isEmpty() ? root : Path.of(watch).toAbsolutePath());
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static String hostOf(String address, String option) {
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(option + " must be HOST:PORT, got " + address);
        }
        String host = address.substring(0, colon);
        return host.isEmpty() ? "0.0.0.0" : host;
    }

    /**
     * The Runtime API has no authentication, as on Lambda, where nothing but the sandbox reaches it: whoever
     * reaches it takes events and posts answers. Local mode serves it on loopback only, whatever else is exposed.
     */
    private static void requireLoopback(String host, String option) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean loopback = bare.equals("localhost") || bare.equals("::1") || bare.startsWith("127.");
        if (!loopback) {
            throw new IllegalArgumentException(option + " " + host + ": the Runtime API has no authentication, so"
                    + " local mode serves it on loopback only (127.0.0.1); expose the invoke endpoint with"
                    + " --runtime-interface-emulator-address or --host instead");
        }
    }

    private static int number(String value, int fallback, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
