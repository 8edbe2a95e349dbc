package dev.runway.bootstrap.local.internal.sandbox;

import java.io.PrintStream;

/**
 * The platform's lines in the function's log: {@code START}, {@code END} and {@code REPORT}, in Lambda's format
 * (tab-separated, Init Duration last and only after a cold start).
 */
final class Reports {

    private final PrintStream out;
    private final String version;
    private final int memoryMb;

    Reports(PrintStream out, String version, int memoryMb) {
        this.out = out;
        this.version = version;
        this.memoryMb = memoryMb;
    }

    void start(String requestId) {
        out.println("START RequestId: " + requestId + " Version: " + version);
    }

    /**
     * Prints END and REPORT.
     *
     * @param durationMs the invocation's duration
     * @param initDurationMs the init's duration, or a negative number when this was no cold start
     * @param maxMemoryMb the environment's peak memory
     * @param status {@code null} on success, else {@code timeout} or {@code error}
     * @param errorType with an error status, its type
     */
    void end(String requestId, double durationMs, double initDurationMs, long maxMemoryMb, String status,
            String errorType) {
        StringBuilder report = new StringBuilder("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ").append(ms(durationMs)).append(" ms")
                .append("\tBilled Duration: ").append(billedMs(durationMs, initDurationMs)).append(" ms")
                .append("\tMemory Size: ").append(memoryMb).append(" MB")
                .append("\tMax Memory Used: ").append(maxMemoryMb).append(" MB");
        if (initDurationMs >= 0) {
            report.append("\tInit Duration: ").append(ms(initDurationMs)).append(" ms");
        }
        if (status != null) {
            report.append("\tStatus: ").append(status);
            if (errorType != null) {
                report.append("\tError Type: ").append(errorType);
            }
        }
        // One write for both lines: they are printed for every invocation.
        out.print("END RequestId: " + requestId + System.lineSeparator() + report.append('\t') + System.lineSeparator());
    }

    /**
     * Lambda bills by the millisecond, rounded up; for a custom runtime ({@code provided.*}) the init is billed
     * too, with the first invocation.
     */
    static long billedMs(double durationMs, double initDurationMs) {
        return (long) Math.ceil(durationMs + Math.max(0, initDurationMs));
    }

    /** Two decimals, rounded half up, as {@code %.2f} prints them, without a {@code Formatter} per call. */
    static String ms(double value) {
        long hundredths = Math.round(value * 100);
        long whole = hundredths / 100;
        long fraction = Math.abs(hundredths % 100);
        String sign = hundredths < 0 && whole == 0 ? "-" : "";
        return sign + whole + (fraction < 10 ? ".0" : ".") + fraction;
    }
}
