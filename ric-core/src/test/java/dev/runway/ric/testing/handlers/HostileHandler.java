package dev.runway.ric.testing.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The handler matrix of the fault tests: the event names what the handler does ({@code "ok:<text>"} echoes the
 * text; {@code "sleep:<ms>"} answers after a pause; {@code "meet:<key>"} answers {@code met} when another
 * invocation with that key runs at the same time; {@code "leak"} keeps its response stream and
 * {@code "writeLeaked:<text>"} writes to it while answering the text; the others fail in one hostile way each). It counts its runs
 * per request id, so a test can see that no event ran twice.
 */
public class HostileHandler implements RequestStreamHandler {

    /** Runs per request id. */
    public static final ConcurrentHashMap<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, CountDownLatch> MEETINGS = new ConcurrentHashMap<>();
    private static volatile OutputStream leaked;

    /**
     * Writes to the response stream the last {@code "leak"} invocation kept, as a thread it left running would.
     *
     * @param text what to write
     * @throws IOException when the runtime refuses the stream
     */
    public static void writeToLeaked(String text) throws IOException {
        leaked.write(text.getBytes(StandardCharsets.UTF_8));
    }

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
            }
            case "writeLeaked" -> {
                // What a thread the "leak" invocation left running would do while a later invocation runs.
                output.write(arg.getBytes(StandardCharsets.UTF_8));
                try {
                    writeToLeaked("LEAKED");
                } catch (IOException expected) {
                    // The stream is refused: nothing reaches this invocation's response.
                }
            }
            case "meet" -> {
                // Ends with "met" only when a second invocation with the same key runs at the same time, on
                // another loop: two of them answer "met" only if two loops serve events.
                CountDownLatch both = MEETINGS.computeIfAbsent(arg, k -> new CountDownLatch(2));
                both.countDown();
                boolean met = await(both);
                output.write((met ? "met" : "alone").getBytes(StandardCharsets.UTF_8));
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

    /** Waits for the other invocation, 10 s at most: a bound that keeps a missing loop from hanging the test. */
    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
