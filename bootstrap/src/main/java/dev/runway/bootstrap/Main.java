package dev.runway.bootstrap;

import dev.runway.ric.RuntimeInterfaceClient;

/**
 * The main class the {@code bootstrap} script starts: {@code java ... dev.runway.bootstrap.Main [handler]}.
 *
 * <p>Today it runs the function's invocation loop and nothing else. It is the place where the process is put
 * together (internal extensions, the local mode) so that {@link RuntimeInterfaceClient} stays a library that
 * only knows the Runtime API.
 */
public final class Main {

    private Main() {}

    /**
     * Runs the function and ends the process with the runtime's exit status. {@link System#exit} rather than a
     * return, so that threads the function left running cannot keep a finished runtime alive.
     *
     * @param args the handler string, when the platform passes one; otherwise {@code _HANDLER} is read
     */
    public static void main(String[] args) {
        System.exit(RuntimeInterfaceClient.run(System.getenv(), handlerArgument(args)));
    }

    /**
     * @param args the command line
     * @return the handler given on it, or {@code null} to fall back to {@code _HANDLER}
     */
    static String handlerArgument(String[] args) {
        return args.length > 0 && !args[0].isBlank() ? args[0] : null;
    }
}
