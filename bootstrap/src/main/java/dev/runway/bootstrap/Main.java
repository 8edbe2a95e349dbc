package dev.runway.bootstrap;

import dev.runway.bootstrap.extensions.ExtensionsHooks;
import dev.runway.ric.RuntimeInterfaceClient;
import java.util.Arrays;
import java.util.Map;

/**
 * The main class the {@code bootstrap} script starts: {@code java ... dev.runway.bootstrap.Main [handler]}.
 *
 * <p>On Lambda (or under the RIE, or as local mode's child) {@code AWS_LAMBDA_RUNTIME_API} is set and it runs
 * the function's invocation loop. Without it, or with {@code --local} or {@code RUNWAY_LOCAL=1}, it starts local
 * mode instead: an embedded Lambda platform that serves the function on this machine
 * ({@code dev.runway.bootstrap.local.LocalMode}, in {@code lib/runway-local.jar}). That class is named only in
 * {@link #runLocal}, so on the Lambda path neither it nor its Netty is ever loaded.
 *
 * <p>{@code --train} as the first argument trains an AOT cache on the function instead
 * ({@link dev.runway.bootstrap.training.TrainCommand}).
 */
public final class Main {

    private Main() {}

    /**
     * Runs the function, or local mode, and ends the process with its exit status. {@link System#exit} rather
     * than a return, so that threads the function left running cannot keep a finished runtime alive.
     *
     * @param args the handler string, when the platform passes one; otherwise {@code _HANDLER} is read
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--train")) {
            dev.runway.bootstrap.training.TrainCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (localModeRequested(args, System.getenv())) {
            runLocal(args);
            return;
        }
        int status;
        try {
            status = RuntimeInterfaceClient.run(System.getenv(), handlerArgument(args), new ExtensionsHooks(System.getenv()));
        } catch (Throwable failure) {
            status = RuntimeInterfaceClient.failed(failure);
        }
        RuntimeInterfaceClient.exit(status);
    }

    /**
     * @param args the command line
     * @param env the environment
     * @return whether to serve the function locally rather than run under a platform
     */
    static boolean localModeRequested(String[] args, Map<String, String> env) {
        if (Arrays.asList(args).contains("--local")) {
            return true;
        }
        // Local mode's commands: one invocation, a sample event.
        if (args.length > 0 && (args[0].equals("invoke") || args[0].equals("generate-event"))) {
            return true;
        }
        String local = env.get("RUNWAY_LOCAL");
        if (local != null && (local.equals("1") || local.equalsIgnoreCase("true"))) {
            return true;
        }
        String api = env.get("AWS_LAMBDA_RUNTIME_API");
        return api == null || api.isBlank();
    }

    private static void runLocal(String[] args) {
        try {
            dev.runway.bootstrap.local.LocalMode.main(args);
        } catch (NoClassDefFoundError e) {
            System.err.println("[runway] AWS_LAMBDA_RUNTIME_API is not set, and local mode is not on the class path"
                    + " (lib/runway-local.jar): run the bootstrap script of the distribution, or set"
                    + " AWS_LAMBDA_RUNTIME_API to a Runtime API's host:port.");
            System.exit(1);
        }
    }

    /**
     * @param args the command line
     * @return the handler given on it, or {@code null} to fall back to {@code _HANDLER}
     */
    static String handlerArgument(String[] args) {
        return args.length > 0 && !args[0].isBlank() ? args[0] : null;
    }
}
