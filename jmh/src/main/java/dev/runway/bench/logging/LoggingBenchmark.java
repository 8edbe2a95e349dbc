package dev.runway.bench.logging;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.api.client.api.LambdaContext;
import com.amazonaws.services.lambda.runtime.api.client.logging.FramedTelemetryLogSink;
import com.amazonaws.services.lambda.runtime.api.client.logging.LambdaContextLogger;
import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.runway.ric.internal.logging.InvocationLogContext;
import dev.runway.ric.internal.logging.LogSettings;
import dev.runway.ric.internal.logging.RuntimeLogging;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Log records per second through the telemetry-descriptor path, Runway against the official RIC 2.9.0
 * ({@code LambdaContextLogger} over {@code FramedTelemetryLogSink}), both writing frames to {@code /dev/null}
 * in the same JVM, with the same message. In JSON both name the same request id.
 *
 * <p>Run with {@code -prof gc}: Runway's text path should allocate nothing per record ({@code gc.alloc.rate.norm}
 * near 0 B/op), since the message is given.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "-XX:+UseSerialGC"})
public class LoggingBenchmark {

    /** A typical application log line. */
    private static final String MESSAGE = "Order 8c1f2e7a priced: 3 items, total 42.50 EUR, customer c-5678";

    @Param({"TEXT", "JSON"})
    public String format;

    private FileOutputStream runwayDevNull;
    private FileOutputStream officialDevNull;
    private RuntimeLogging logging;
    private InvocationLogContext.Scope scope;
    private InvocationLogContext invocations;
    private LambdaLogger runway;
    private PrintStream runwayOut;
    private LambdaContextLogger official;

    @Setup
    public void setUp() throws Exception {
        LogFormat logFormat = LogFormat.valueOf(format);
        runwayDevNull = new FileOutputStream("/dev/null");
        logging = RuntimeLogging.install(new LogSettings(logFormat, LogLevel.TRACE, LogLevel.INFO, LogLevel.WARN,
                fdNumber(runwayDevNull.getFD())), false);
        runway = LambdaRuntime.getLogger();
        runwayOut = System.out;
        invocations = new InvocationLogContext(logging, getClass().getClassLoader());
        scope = invocations.open("8476a536-e9f4-11e8-9739-2dfe598c3fcd", null, null);

        officialDevNull = new FileOutputStream("/dev/null");
        official = new LambdaContextLogger(new FramedTelemetryLogSink(officialDevNull.getFD()), LogLevel.UNDEFINED, logFormat);
        official.setLambdaContext(new LambdaContext(512, System.currentTimeMillis() + 900_000,
                "8476a536-e9f4-11e8-9739-2dfe598c3fcd", "/aws/lambda/bench", "stream", "bench", null, "$LATEST",
                "arn:aws:lambda:us-east-1:123456789012:function:bench", null, null, null));
    }

    @TearDown
    public void tearDown() throws IOException {
        invocations.close(scope);
        logging.close();
        runwayDevNull.close();
        official.close();
        officialDevNull.close();
    }

    /** {@code logger.log(message, INFO)}: text {@code [INFO] message}, or a JSON object. */
    @Benchmark
    public void runwayLevelled() {
        runway.log(MESSAGE, LogLevel.INFO);
    }

    /** The same call on the official RIC's logger. */
    @Benchmark
    public void officialLevelled() {
        official.log(MESSAGE, LogLevel.INFO);
    }

    /** {@code logger.log(message)}: Runway frames it as INFO. */
    @Benchmark
    public void runwayUnlevelled() {
        runway.log(MESSAGE);
    }

    /** The same call on the official RIC's logger (framed as UNDEFINED). */
    @Benchmark
    public void officialUnlevelled() {
        official.log(MESSAGE);
    }

    /** {@code System.out.println(message)} on Runway, framed; the official RIC has no framed equivalent. */
    @Benchmark
    public void runwaySystemOutPrintln() {
        runwayOut.println(MESSAGE);
    }

    private static int fdNumber(FileDescriptor fd) throws ReflectiveOperationException {
        Field field = FileDescriptor.class.getDeclaredField("fd");
        field.setAccessible(true);
        return field.getInt(fd);
    }
}
