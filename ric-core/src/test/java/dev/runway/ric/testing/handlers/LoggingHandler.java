package dev.runway.ric.testing.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * Logs through every path, as the event (a scenario name) says, then writes {@code END <scenario>} at FATAL so
 * that a test reading the telemetry pipe knows the invocation's records are all there.
 */
public class LoggingHandler implements RequestStreamHandler {

    /** Four invocations at once, in the concurrency scenario. */
    private static final CyclicBarrier FOUR = new CyclicBarrier(4);
    private static final CountDownLatch RELEASE_BACKGROUND = new CountDownLatch(1);
    private static volatile Thread background;

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
        String scenario = new String(input.readAllBytes(), StandardCharsets.UTF_8).trim();
        LambdaLogger logger = context.getLogger();
        try {
            run(scenario, logger, context);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        logger.log("END " + scenario, LogLevel.FATAL);
        output.write(("done " + scenario).getBytes(StandardCharsets.UTF_8));
    }

    private static void run(String scenario, LambdaLogger logger, Context context) throws Exception {
        String id = context.getAwsRequestId();
        switch (scenario) {
            case "lambda-logger" -> {
                logger.log("plain message");
                logger.log("first line\nsecond line\n\tindented third");
                logger.log("trace detail", LogLevel.TRACE);
                logger.log("debug detail", LogLevel.DEBUG);
                logger.log("info detail", LogLevel.INFO);
                logger.log("warn detail", LogLevel.WARN);
                logger.log("error detail", LogLevel.ERROR);
                logger.log("undefined level", LogLevel.UNDEFINED);
                logger.log("bytes message".getBytes(StandardCharsets.UTF_8));
                LambdaRuntime.getLogger().log("through LambdaRuntime", LogLevel.WARN);
            }
            case "system-out" -> {
                System.out.println("out first\nout second");
                System.out.print("partial ");
                System.out.print(42);
                System.out.println(" joined");
                System.out.printf("formatted %s%n", "line");
                System.err.println("err first\nerr second");
                System.out.println("caf\u00e9 \u4e2d\u6587 \ud83d\ude00");
            }
            case "stack-trace" -> {
                IllegalStateException failure = new IllegalStateException("outer failure",
                        new IllegalArgumentException("inner cause"));
                failure.addSuppressed(new RuntimeException("suppressed one"));
                failure.printStackTrace();
                System.err.println("after the trace");
            }
            case "uncaught" -> {
                Thread thread = new Thread(() -> {
                    throw new UnsupportedOperationException("uncaught in worker");
                }, "worker-7");
                thread.start();
                thread.join();
            }
            case "child-thread" -> {
                Thread thread = new Thread(() -> System.out.println("from a child thread of " + id));
                thread.start();
                thread.join();
            }
            case "background-start" -> {
                Thread thread = new Thread(() -> {
                    try {
                        RELEASE_BACKGROUND.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    System.out.println("background after its invocation returned");
                }, "background");
                thread.start();
                background = thread;
            }
            case "background-release" -> {
                RELEASE_BACKGROUND.countDown();
                background.join();
            }
            case "levels" -> {
                for (LogLevel level : LogLevel.values()) {
                    logger.log("logger " + level, level);
                }
                logger.log("logger unlevelled");
                System.out.println("stdout line");
                System.err.println("stderr line");
                System.out.println("{\"level\":\"ERROR\",\"message\":\"json line on stdout\"}");
                System.out.println("{\"level\":\"DEBUG\",\"message\":\"debug json line on stdout\"}");
            }
            case "concurrent" -> {
                logger.log("start " + id);
                FOUR.await(60, TimeUnit.SECONDS);
                System.out.println("middle " + id + "\nsecond line of " + id);
                logger.log("end " + id, LogLevel.WARN);
            }
            case "many" -> {
                // Past the 10,000 frames after which the runtime writes through the JDK's dispatcher, from two
                // threads at once: every record must still arrive whole, each thread's in its order.
                Thread other = new Thread(() -> {
                    for (int i = 0; i < 6_000; i++) {
                        System.out.println("other " + i + "\nits second line");
                    }
                });
                other.start();
                for (int i = 0; i < 6_000; i++) {
                    logger.log("main " + i + "\nits second line", LogLevel.INFO);
                }
                other.join();
            }
            case "fail" -> {
                System.out.print("unfinished before failing");
                throw Failures.withCause("handler failed", "root cause");
            }
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        }
    }
}
