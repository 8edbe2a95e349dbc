package dev.runway.bench.logging;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.api.client.logging.FramedTelemetryLogSink;
import com.amazonaws.services.lambda.runtime.api.client.logging.LambdaContextLogger;
import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.runway.ric.internal.logging.LogSettings;
import dev.runway.ric.internal.logging.RuntimeLogging;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The same comparison as {@link LoggingBenchmark}, made robust to a shared, noisy machine: Runway and the official
 * RIC alternate in batches of 100,000 records, so that both see the same load, and the median of the per-round
 * ratios is reported. JMH runs one benchmark after the other, and on a machine whose other tenants come and go
 * the two can see very different conditions.
 *
 * <p>{@code java --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED -cp <jmh class path>
 * dev.runway.bench.logging.InterleavedLoggingComparison [TEXT|JSON]}
 */
public final class InterleavedLoggingComparison {

    private static final String MESSAGE = "Order 8c1f2e7a priced: 3 items, total 42.50 EUR, customer c-5678";
    private static final int BATCH = 100_000;
    private static final int WARMUP_ROUNDS = 10;
    private static final int ROUNDS = 40;

    private InterleavedLoggingComparison() {}

    /**
     * @param args the format, TEXT (default) or JSON
     */
    public static void main(String[] args) throws Exception {
        LogFormat format = LogFormat.valueOf(args.length > 0 ? args[0] : "TEXT");
        // Taken before the runtime's logging replaces System.err, which would frame the report to /dev/null.
        PrintStream report = System.err;
        // Both streams stay reachable: a collected FileOutputStream closes its descriptor.
        try (FileOutputStream runwayNull = new FileOutputStream("/dev/null");
                FileOutputStream officialNull = new FileOutputStream("/dev/null");
                RuntimeLogging logging = RuntimeLogging.install(new LogSettings(format, LogLevel.TRACE, LogLevel.INFO,
                        LogLevel.WARN, fdNumber(runwayNull.getFD())), false)) {
            LambdaLogger runway = LambdaRuntime.getLogger();
            LambdaContextLogger official = new LambdaContextLogger(new FramedTelemetryLogSink(officialNull.getFD()),
                    LogLevel.UNDEFINED, format);
            List<Double> ratios = new ArrayList<>();
            long runwayNanos = 0;
            long officialNanos = 0;
            for (int round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
                long start = System.nanoTime();
                for (int i = 0; i < BATCH; i++) {
                    runway.log(MESSAGE, LogLevel.INFO);
                }
                long middle = System.nanoTime();
                for (int i = 0; i < BATCH; i++) {
                    official.log(MESSAGE, LogLevel.INFO);
                }
                long end = System.nanoTime();
                if (round >= WARMUP_ROUNDS) {
                    ratios.add((double) (end - middle) / (middle - start));
                    runwayNanos += middle - start;
                    officialNanos += end - middle;
                }
            }
            Collections.sort(ratios);
            double records = (double) ROUNDS * BATCH;
            report.printf(Locale.ROOT, "%s: Runway %.0f records/s, official %.0f records/s; "
                    + "median per-round speed-up %.2fx (quartiles %.2f-%.2f)%n", format,
                    records / runwayNanos * 1e9, records / officialNanos * 1e9, ratios.get(ROUNDS / 2),
                    ratios.get(ROUNDS / 4), ratios.get(3 * ROUNDS / 4));
        }
    }

    private static int fdNumber(FileDescriptor fd) throws ReflectiveOperationException {
        Field field = FileDescriptor.class.getDeclaredField("fd");
        field.setAccessible(true);
        return field.getInt(fd);
    }
}
