package dev.runway.bootstrap.local.internal.process;

import dev.runway.bootstrap.local.RuntimeInstance;
import dev.runway.bootstrap.local.RuntimeLauncher;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the runtime as Lambda does: a child process, the {@code bootstrap} command, in the task root. A crash,
 * a {@code System.exit} or an out-of-memory kill ends that process only, and the platform sees it end.
 *
 * @param command the command line, such as {@code [/path/to/bootstrap, pkg.Handler]}
 * @param directory the working directory (the task root)
 * @param out where the runtime's standard output goes
 * @param err where its standard error goes
 */
public record ProcessRuntimeLauncher(List<String> command, Path directory, PrintStream out, PrintStream err)
        implements RuntimeLauncher {

    @Override
    public RuntimeInstance start(Map<String, String> environment, Consumer<String> logLine) {
        return ChildProcess.start("runtime", command, environment, directory, out, err, logLine);
    }
}
