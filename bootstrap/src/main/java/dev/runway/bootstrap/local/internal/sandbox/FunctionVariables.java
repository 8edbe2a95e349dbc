package dev.runway.bootstrap.local.internal.sandbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The environment variables the runtime and the extensions get, as Lambda sets them. */
final class FunctionVariables {

    private final PlatformConfig config;
    private volatile String runtimeApiAddress;

    FunctionVariables(PlatformConfig config) {
        this.config = config;
    }

    /** @param address the Runtime API's {@code host:port}, given to the runtime and the extensions */
    void runtimeApiAddress(String address) {
        this.runtimeApiAddress = address;
    }

    /** @return the runtime's variables: the host's, less local mode's own, plus Lambda's */
    Map<String, String> forRuntime() {
        Map<String, String> env = new HashMap<>(config.environment());
        env.keySet().removeIf(key -> key.startsWith("RUNWAY_LOCAL"));
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApiAddress);
        env.put("AWS_LAMBDA_FUNCTION_NAME", config.functionName());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", config.functionVersion());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memoryMb()));
        env.putIfAbsent("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + config.functionName());
        env.putIfAbsent("AWS_LAMBDA_LOG_STREAM_NAME", "$LATEST");
        env.putIfAbsent("AWS_REGION", config.region());
        env.putIfAbsent("AWS_DEFAULT_REGION", config.region());
        env.putIfAbsent("LAMBDA_TASK_ROOT", config.taskRoot().toString());
        // snap-start is kept when the developer asks for it: the runtime then runs its SnapStart hooks around
        // /runtime/restore/next, which this emulator answers at once (it takes no snapshot).
        if (!"snap-start".equals(config.environment().get("AWS_LAMBDA_INITIALIZATION_TYPE"))) {
            env.put("AWS_LAMBDA_INITIALIZATION_TYPE", config.concurrent() ? "lambda-managed-instances" : "on-demand");
        }
        if (config.concurrent()) {
            env.put("AWS_LAMBDA_MAX_CONCURRENCY", Integer.toString(config.maxConcurrency()));
        } else {
            env.remove("AWS_LAMBDA_MAX_CONCURRENCY");
        }
        if (config.handler() != null) {
            env.put("_HANDLER", config.handler());
        }
        return env;
    }

    /** What extensions see: the runtime's variables less what Lambda hides from them. */
    Map<String, String> forExtensions() {
        Map<String, String> env = forRuntime();
        env.keySet().removeIf(key -> key.startsWith("_") || key.startsWith("AWS_XRAY_")
                || List.of("AWS_EXECUTION_ENV", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
                        "LAMBDA_RUNTIME_DIR", "LAMBDA_TASK_ROOT").contains(key));
        return env;
    }
}
