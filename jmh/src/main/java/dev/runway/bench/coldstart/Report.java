package dev.runway.bench.coldstart;

import java.util.List;
import java.util.Locale;

/** Formats {@link Results} as Markdown: the figures per handler and client, then the ratios against the targets. */
final class Report {

    private Report() {}

    /**
     * @param results the measurements
     * @param options what was run
     * @param header lines describing the machine, JDK and command
     * @return the report
     */
    static String format(Results results, Options options, List<String> header) {
        StringBuilder out = new StringBuilder();
        header.forEach(line -> out.append(line).append('\n'));
        out.append('\n');
        out.append("| handler | client | spawn→1st response p50 ms | min | p90 | CPU at 1st p50 ms | RSS at 1st p50 MB"
                + " | warm invoke p50 µs | p99 µs | loop period p50 µs | peak RSS MB |\n");
        out.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (Workload w : options.workloads()) {
            for (Client c : options.clients()) {
                out.append(row(results, w, c)).append('\n');
            }
        }
        out.append('\n');
        out.append("| ratio | measured | target | verdict |\n|---|--:|--:|---|\n");
        // The targets are read on Runway as it ships (with its AOT cache); the plain rows show what the cache buys.
        ratio(out, "POJO cold start Runway / official", results.coldMedianMs(Workload.POJO, Client.RUNWAY_AOT),
                results.coldMedianMs(Workload.POJO, Client.OFFICIAL), 1.0 / 3, "≤ 0.33");
        ratio(out, "POJO cold start Runway / floor", results.coldMedianMs(Workload.POJO, Client.RUNWAY_AOT),
                results.coldMedianMs(Workload.POJO, Client.FLOOR), 1.5, "≤ 1.5");
        for (Workload w : Workload.values()) {
            ratio(out, w.label() + " cold start Runway trained / official",
                    results.coldMedianMs(w, Client.RUNWAY_TRAINED), results.coldMedianMs(w, Client.OFFICIAL),
                    w.trainedTarget(), w.trainedTarget() > 0 ? fmt("≤ %.2f", w.trainedTarget()) : "(info)");
            ratio(out, w.label() + " cold start Runway trained / floor", results.coldMedianMs(w, Client.RUNWAY_TRAINED),
                    results.coldMedianMs(w, Client.FLOOR), w == Workload.POJO ? 1.5 : Double.NaN,
                    w == Workload.POJO ? "≤ 1.5" : "(info)");
            ratio(out, w.label() + " cold start Runway trained / untrained",
                    results.coldMedianMs(w, Client.RUNWAY_TRAINED), results.coldMedianMs(w, Client.RUNWAY_AOT),
                    Double.NaN, "(info)");
            ratio(out, w.label() + " warm p50 Runway trained / untrained", results.warmP50Us(w, Client.RUNWAY_TRAINED),
                    results.warmP50Us(w, Client.RUNWAY_AOT), 1.05, "≤ 1.05");
            ratio(out, w.label() + " peak RSS Runway trained / untrained", results.peakRssKb(w, Client.RUNWAY_TRAINED),
                    results.peakRssKb(w, Client.RUNWAY_AOT), 1.1, "≤ 1.1");            // The before/after experiment: the variant against runway-trained, in the same run.
            ratio(out, w.label() + " cold start variant / trained", results.coldMedianMs(w, Client.RUNWAY_VARIANT),
                    results.coldMedianMs(w, Client.RUNWAY_TRAINED), Double.NaN, "(info)");
            ratio(out, w.label() + " cold-start CPU variant / trained", results.coldCpuMedianMs(w, Client.RUNWAY_VARIANT),
                    results.coldCpuMedianMs(w, Client.RUNWAY_TRAINED), Double.NaN, "(info)");
            ratio(out, w.label() + " cold start variant / official", results.coldMedianMs(w, Client.RUNWAY_VARIANT),
                    results.coldMedianMs(w, Client.OFFICIAL), w.trainedTarget(),
                    w.trainedTarget() > 0 ? fmt("≤ %.2f", w.trainedTarget()) : "(info)");
            ratio(out, w.label() + " warm p50 variant / trained", results.warmP50Us(w, Client.RUNWAY_VARIANT),
                    results.warmP50Us(w, Client.RUNWAY_TRAINED), 1.05, "≤ 1.05");
            ratio(out, w.label() + " peak RSS variant / trained", results.peakRssKb(w, Client.RUNWAY_VARIANT),
                    results.peakRssKb(w, Client.RUNWAY_TRAINED), 1.1, "≤ 1.1");
        }
        for (Workload w : Workload.values()) {
            // Before and after a change, both without an archive (--baseline): within noise is about 1.00.
            ratio(out, w.label() + " cold start runway-plain / runway-baseline", results.coldMedianMs(w, Client.RUNWAY),
                    results.coldMedianMs(w, Client.RUNWAY_BASELINE), Double.NaN, "(info)");
            ratio(out, w.label() + " warm p50 runway-plain / runway-baseline", results.warmP50Us(w, Client.RUNWAY),
                    results.warmP50Us(w, Client.RUNWAY_BASELINE), Double.NaN, "(info)");
            ratio(out, w.label() + " peak RSS runway-plain / runway-baseline", results.peakRssKb(w, Client.RUNWAY),
                    results.peakRssKb(w, Client.RUNWAY_BASELINE), Double.NaN, "(info)");
        }
        ratio(out, "POJO cold start Runway without its archive / official",
                results.coldMedianMs(Workload.POJO, Client.RUNWAY), results.coldMedianMs(Workload.POJO, Client.OFFICIAL),
                Double.NaN, "(info)");
        ratio(out, "POJO cold start Runway without its archive / floor",
                results.coldMedianMs(Workload.POJO, Client.RUNWAY), results.coldMedianMs(Workload.POJO, Client.FLOOR),
                Double.NaN, "(info)");
        ratio(out, "POJO cold-start CPU Runway / official", results.coldCpuMedianMs(Workload.POJO, Client.RUNWAY_AOT),
                results.coldCpuMedianMs(Workload.POJO, Client.OFFICIAL), Double.NaN, "(info)");
        for (Workload w : Workload.values()) {
            ratio(out, w.label() + " cold start Runway / floor", results.coldMedianMs(w, Client.RUNWAY_AOT),
                    results.coldMedianMs(w, Client.FLOOR), Double.NaN, "(info)");
        }
        for (Workload w : Workload.values()) {
            ratio(out, w.label() + " warm p50 Runway / floor", results.warmP50Us(w, Client.RUNWAY_AOT),
                    results.warmP50Us(w, Client.FLOOR), 1.15, "≤ 1.15");
        }
        for (Workload w : Workload.values()) {
            ratio(out, w.label() + " peak RSS Runway / floor", results.peakRssKb(w, Client.RUNWAY_AOT),
                    results.peakRssKb(w, Client.FLOOR), 1.2, "≤ 1.2");
            ratio(out, w.label() + " peak RSS Runway without its archive / floor", results.peakRssKb(w, Client.RUNWAY),
                    results.peakRssKb(w, Client.FLOOR), Double.NaN, "(info)");
            ratio(out, w.label() + " peak RSS official / floor", results.peakRssKb(w, Client.OFFICIAL),
                    results.peakRssKb(w, Client.FLOOR), Double.NaN, "(info: issue expects ≈ 1.4)");
        }
        return out.toString();
    }

    private static String row(Results results, Workload w, Client c) {
        List<ColdStart> starts = results.coldStarts(w, c);
        WarmRun warm = results.warmRun(w, c);
        String cold = "–|–|–|–|–";
        if (!starts.isEmpty()) {
            double[] ms = starts.stream().mapToDouble(ColdStart::spawnToFirstResponseMs).toArray();
            double[] rss = starts.stream().mapToDouble(ColdStart::peakRssKb).toArray();
            cold = fmt("%.1f|%.1f|%.1f|%.1f|%.1f", Stats.median(ms), Stats.percentile(ms, 0),
                    Stats.percentile(ms, 90), results.coldCpuMedianMs(w, c), Stats.median(rss) / 1024);
        }
        String hot = "–|–|–|–";
        if (warm != null) {
            hot = fmt("%.1f|%.1f|%.1f|%.1f", Stats.percentile(warm.invokeNanos(), 50) / 1e3,
                    Stats.percentile(warm.invokeNanos(), 99) / 1e3, Stats.percentile(warm.periodNanos(), 50) / 1e3,
                    warm.peakRssKb() / 1024.0);
        }
        return "| " + w.label() + " | " + c.label() + " | " + cold.replace("|", " | ") + " | "
                + hot.replace("|", " | ") + " |";
    }

    private static void ratio(StringBuilder out, String name, double numerator, double denominator, double target,
            String targetText) {
        if (Double.isNaN(numerator) || Double.isNaN(denominator) || denominator == 0) {
            return;
        }
        double r = numerator / denominator;
        String verdict = Double.isNaN(target) ? "" : r <= target ? "met" : "MISSED";
        out.append(fmt("| %s | %.2f | %s | %s |%n", name, r, targetText, verdict));
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
