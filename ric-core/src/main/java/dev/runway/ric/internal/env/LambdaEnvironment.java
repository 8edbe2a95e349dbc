package dev.runway.ric.internal.env;

import java.util.Map;

/**
 * The environment variables the runtime reads, read once at start-up.
 *
 * @param runtimeApi {@code AWS_LAMBDA_RUNTIME_API}, {@code host:port}
 * @param handler the handler string ({@code _HANDLER} unless the command line gave one)
 * @param taskRoot {@code LAMBDA_TASK_ROOT}, or the working directory
 * @param functionName {@code AWS_LAMBDA_FUNCTION_NAME}
 * @param functionVersion {@code AWS_LAMBDA_FUNCTION_VERSION}
 * @param memoryLimitMb {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}, 128 when unset, as the managed runtime does
 * @param logGroupName {@code AWS_LAMBDA_LOG_GROUP_NAME}
 * @param logStreamName {@code AWS_LAMBDA_LOG_STREAM_NAME}
 * @param maxConcurrency {@code AWS_LAMBDA_MAX_CONCURRENCY}: 0 when unset (one loop, sequential mode), else the
 *     number of loops (Lambda Managed Instances)
 * @param initializationType {@code AWS_LAMBDA_INITIALIZATION_TYPE}, or {@code null}
 * @param streamResponses {@code RUNWAY_RESPONSE_STREAMING=true}: stream handlers stream their responses
 * @param virtualThreads {@code RUNWAY_LOOP_THREADS=virtual}: under multi-concurrency, each loop runs on a virtual
 *     thread instead of a platform thread
 */
public record LambdaEnvironment(
        String runtimeApi,
        String handler,
        String taskRoot,
        String functionName,
        String functionVersion,
        int memoryLimitMb,
        String logGroupName,
        String logStreamName,
        int maxConcurrency,
        String initializationType,
        boolean streamResponses,
        boolean virtualThreads) {

    /** The memory size the managed runtime reports when the platform gives none. */
    public static final int DEFAULT_MEMORY_MB = 128;

    /**
     * Reads the environment.
     *
     * @param env the variables, usually {@link System#getenv()}
     * @param handlerArgument the handler given on the command line, or {@code null} to use {@code _HANDLER}
     * @return the settings
     * @throws InvalidEnvironmentException when a variable has a value the platform never sets
     */
    public static LambdaEnvironment from(Map<String, String> env, String handlerArgument) {
        String handler = handlerArgument != null && !handlerArgument.isBlank() ? handlerArgument : env.get("_HANDLER");
        String taskRoot = env.getOrDefault("LAMBDA_TASK_ROOT", System.getProperty("user.dir"));
        return new LambdaEnvironment(
                env.get("AWS_LAMBDA_RUNTIME_API"),
                handler,
                taskRoot,
                env.get("AWS_LAMBDA_FUNCTION_NAME"),
                env.get("AWS_LAMBDA_FUNCTION_VERSION"),
                positiveInt(env, "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", DEFAULT_MEMORY_MB),
                env.get("AWS_LAMBDA_LOG_GROUP_NAME"),
                env.get("AWS_LAMBDA_LOG_STREAM_NAME"),
                concurrency(env),
                env.get("AWS_LAMBDA_INITIALIZATION_TYPE"),
                flag(env, "RUNWAY_RESPONSE_STREAMING"),
                virtualThreads(env));
    }

    /** @return whether several loops run at once (the variable was set to a number of at least 1) */
    public boolean multiConcurrent() {
        return maxConcurrency > 0;
    }

    /** @return the number of invocation loops to run */
    public int loopCount() {
        return Math.max(1, maxConcurrency);
    }

    private static int concurrency(Map<String, String> env) {
        String value = env.get("AWS_LAMBDA_MAX_CONCURRENCY");
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw new InvalidEnvironmentException(
                    "AWS_LAMBDA_MAX_CONCURRENCY must be a whole number, got '" + value + "'");
        }
    }

    private static boolean virtualThreads(Map<String, String> env) {
        String value = env.get("RUNWAY_LOOP_THREADS");
        if (value == null || value.isBlank() || value.equalsIgnoreCase("platform")) {
            return false;
        }
        if (value.equalsIgnoreCase("virtual")) {
            return true;
        }
        throw new InvalidEnvironmentException("RUNWAY_LOOP_THREADS must be platform or virtual, got '" + value + "'");
    }

    private static boolean flag(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidEnvironmentException(name + " must be true or false, got '" + value + "'");
    }

    private static int positiveInt(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidEnvironmentException(name + " must be a positive whole number, got '" + value + "'");
    }
}
