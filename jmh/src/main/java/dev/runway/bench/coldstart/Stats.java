package dev.runway.bench.coldstart;

import java.util.Arrays;

/** Order statistics over small samples, nearest-rank: every figure reported is one that was actually observed. */
final class Stats {

    private Stats() {}

    /**
     * @param values the sample, not modified
     * @param p the percentile, 0 to 100
     * @return the nearest-rank percentile
     */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[rank(sorted.length, p)];
    }

    /**
     * @param values the sample, not modified
     * @param p the percentile, 0 to 100
     * @return the nearest-rank percentile
     */
    static long percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[rank(sorted.length, p)];
    }

    /** The median, as the mean of the two middle values for an even count (the usual convention). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static int rank(int n, double p) {
        if (n == 0) {
            throw new IllegalArgumentException("empty sample");
        }
        int rank = (int) Math.ceil(p / 100.0 * n);
        return Math.min(n - 1, Math.max(0, rank - 1));
    }
}
