package dev.runway.bootstrap.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bootstrap invoke [-e FILE|-] [options] [handler]}: one invocation through local mode, for scripts and
 * tests. The environment is started (init), invoked once and shut down, as local mode would serve it; the
 * response goes to standard output, everything else (the function's logs, START, END, REPORT, the platform's
 * notes) to standard error. Exit status 0 when the function answered, 1 on a function error (an error document,
 * an init failure, a crash or a timeout), 2 on a bad command line.
 */
final class InvokeCommand {

    private InvokeCommand() {}

    static int run(List<String> args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>();
        String eventFile = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-e") || arg.equals("--event")) {
                if (i + 1 >= args.size()) {
                    err.println("[runway] invoke: " + arg + " needs a file, or - for standard input");
                    return 2;
                }
                eventFile = args.get(++i);
            } else {
                rest.add(arg);
            }
        }
        LocalOptions options = LocalMode.options(rest, env, err);
        if (options == null) {
            return 2;
        }
        if (options.help()) {
            out.println(LocalOptions.USAGE);
            return 0;
        }
        byte[] event;
        try {
            event = eventFile == null ? "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)
                    : eventFile.equals("-") ? in.readAllBytes() : Files.readAllBytes(Path.of(eventFile));
        } catch (IOException e) {
            err.println("[runway] invoke: cannot read the event " + eventFile + ": " + e);
            return 2;
        }
        LocalMode.checkHandler(options, err);
        // Any free ports: a one-off invocation must not clash with a local mode already serving on 8080.
        try (LocalPlatform platform = LocalMode.builder(options, env, err, err).port(0).runtimeApiPort(0).start()) {
            // The answer comes as soon as the runtime posted it; the invocation ends (END, REPORT) when the runtime
            // asks for the next one. Closing before that would cut it short, so wait for its report.
            java.util.concurrent.CompletableFuture<Void> reported = new java.util.concurrent.CompletableFuture<>();
            // A failed init has no invocation to report: its initReport ends it.
            platform.addTelemetryRecordListener(e -> {
                if ("platform.report".equals(e.get("type")) || ("platform.initReport".equals(e.get("type"))
                        && e.get("record") instanceof Map<?, ?> record && !"success".equals(record.get("status")))) {
                    reported.complete(null);
                }
            });
            InvokeResult result = platform.invoke(event, null, null);
            try {
                reported.get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                err.println("[runway] invoke: no REPORT within 10 s of the answer; shutting down anyway");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.write(result.body(), 0, result.body().length);
            out.println();
            out.flush();
            return result.isError() ? 1 : 0;
        } catch (RuntimeException e) {
            err.println("[runway] invoke: " + e.getMessage());
            return 1;
        }
    }
}
