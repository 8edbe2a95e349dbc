package dev.runway.bootstrap.local.internal.sandbox;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the tools around the environment (the local console, the watcher) may see and do to it, kept out of
 * {@link Sandbox} so that it does not grow.
 */
public final class SandboxView {

    private SandboxView() {}

    /**
     * The variables Lambda defines for the function, as its runtime gets them: the rest of the host's environment
     * (which may hold credentials) is left out.
     *
     * @param sandbox the environment
     * @return name to value, sorted by name
     */
    public static Map<String, String> lambdaVariables(Sandbox sandbox) {
        Map<String, String> variables = new TreeMap<>();
        sandbox.variables().forRuntime().forEach((name, value) -> {
            if (name.startsWith("AWS_LAMBDA_") || name.startsWith("LAMBDA_") || name.equals("_HANDLER")
                    || name.equals("AWS_REGION") || name.equals("AWS_DEFAULT_REGION") || name.equals("TZ")) {
                variables.put(name, value);
            }
        });
        return variables;
    }

    /**
     * Retires the current environment, as a new deployment does: the runtime and the extensions are shut down
     * (SHUTDOWN {@code spindown}), and the next invoke starts a fresh one, with a new init. An invocation still
     * running on the old environment ends with its shutdown.
     *
     * @param sandbox the environment
     * @return whether there was an environment to retire
     */
    public static boolean retire(Sandbox sandbox) {
        return sandbox.retire();
    }
}
