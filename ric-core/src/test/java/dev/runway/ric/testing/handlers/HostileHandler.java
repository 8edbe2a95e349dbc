package dev.runway.ric.testing.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The handler matrix of the fault tests: the event names what the handler does ({@code "ok:<text>"} echoes the
 * text; {@code "sleep:<ms>"} answers after a pause; the others fail in one hostile way each). It counts its runs
 * per request id, so a test can see that no event ran twice.
 */
public class HostileHandler implements RequestStreamHandler {

    /** Runs per request id. */
    public static final ConcurrentHashMap<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();
    private static volatile OutputStream leaked;

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        RUNS.computeIfAbsent(context.getAwsRequestId(), k -> new AtomicInteger()).incrementAndGet();
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        String what = event.contains(":") ? event.substring(0, event.indexOf(':')) : event;
        String arg = event.contains(":") ? event.substring(event.indexOf(':') + 1) : "";
        switch (what) {
            case "ok" -> output.write(arg.getBytes(StandardCharsets.UTF_8));
            case "sleep" -> {
                sleep(Long.parseLong(arg));
                output.write(("slept " + arg).getBytes(StandardCharsets.UTF_8));
            }
            case "runtime" -> throw new IllegalStateException("runtime exception");
            case "error" -> throw new AssertionError("an Error");
            case "soe" -> recurse(0);
            case "oom" -> {
                long[][] hog = new long[Integer.MAX_VALUE - 8][];
                output.write(hog.length);
            }
            case "badMessage" -> throw new Failing(Failing.Part.MESSAGE);
            case "badCause" -> throw new Failing(Failing.Part.CAUSE);
            case "badStackTrace" -> throw new Failing(Failing.Part.STACK_TRACE);
            case "badEverything" -> throw new Failing(Failing.Part.ALL);
            case "cycle" -> {
                Exception a = new Exception("a");
                Exception b = new Exception("b", a);
                a.initCause(b);
                throw new RuntimeException("cycle", a);
            }
            case "huge" -> throw new IllegalArgumentException("x".repeat(10 * 1024 * 1024));
            case "surrogate" -> throw new IllegalArgumentException("lone \ud800 high and \udc00 low");
            case "deep" -> deep(Integer.parseInt(arg));
            case "exit" -> System.exit(Integer.parseInt(arg.isEmpty() ? "3" : arg));
            case "thread" -> {
                Thread t = new Thread(() -> sleep(600_000), "user-non-daemon");
                t.setDaemon(false);
                t.start();
                throw new Failing(Failing.Part.MESSAGE);
            }
            case "hook" -> {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> sleep(600_000), "user-hanging-hook"));
                output.write("hooked".getBytes(StandardCharsets.UTF_8));
            }
            case "leak" -> {
                leaked = output;
                output.write("leaker".getBytes(StandardCharsets.UTF_8));
                Thread t = new Thread(() -> {
                    for (int i = 0; i < 200; i++) {
                        sleep(1);
                        try {
                            leaked.write("LEAKED".getBytes(StandardCharsets.UTF_8));
                        } catch (IOException | RuntimeException e) {
                            return;
                        }
                    }
                }, "leaker");
                t.setDaemon(true);
                t.start();
            }
            default -> throw new IllegalArgumentException("unknown event " + what);
        }
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    private static void deep(int frames) {
        if (frames > 0) {
            deep(frames - 1);
            return;
        }
        throw new IllegalStateException("thrown from deep down");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An exception whose accessors, function code, throw. */
    public static final class Failing extends RuntimeException {
        enum Part { MESSAGE, CAUSE, STACK_TRACE, ALL }

        private final Part part;

        Failing(Part part) {
            super("never seen");
            this.part = part;
        }

        @Override
        public String getMessage() {
            if (part == Part.MESSAGE || part == Part.ALL) {
                throw new IllegalStateException("getMessage fails");
            }
            return super.getMessage();
        }

        @Override
        public synchronized Throwable getCause() {
            if (part == Part.CAUSE || part == Part.ALL) {
                throw new IllegalStateException("getCause fails");
            }
            return super.getCause();
        }

        @Override
        public StackTraceElement[] getStackTrace() {
            if (part == Part.STACK_TRACE || part == Part.ALL) {
                throw new IllegalStateException("getStackTrace fails");
            }
            return super.getStackTrace();
        }

        @Override
        public String toString() {
            if (part == Part.ALL) {
                throw new IllegalStateException("toString fails");
            }
            return super.toString();
        }
    }
}
