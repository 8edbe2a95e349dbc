package dev.runway.bench.coldstart;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * Draws a run's figures as PNG files beside its Markdown report, for readers who would rather look than read:
 * <ul>
 *   <li>{@code coldstart-<handler>.png}: the spawn → first response of every start, one box per client;
 *   <li>{@code warm-<handler>.png}: warm invoke p50 and p90 per client;
 *   <li>{@code rss.png}: the warm process's peak RSS, one group per handler, one bar per client.
 * </ul>
 */
final class Plots {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;

    private Plots() {}

    /**
     * @param results the measurements
     * @param options what was run
     * @param directory where the files go
     * @return the files written
     * @throws IOException when one cannot be written
     */
    static List<Path> write(Results results, Options options, Path directory) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Path> written = new ArrayList<>();
        for (Workload w : options.workloads()) {
            BoxChart chart = new BoxChartBuilder().width(WIDTH).height(HEIGHT)
                    .title(w.label() + " function: spawn → first response, every start (median in brackets)")
                    .yAxisTitle("ms").build();
            style(chart.getStyler());
            chart.getStyler().setYAxisMin(0.0);
            for (Client c : options.clients()) {
                double[] ms = results.coldStarts(w, c).stream().mapToDouble(ColdStart::spawnToFirstResponseMs)
                        .toArray();
                if (ms.length > 0) {
                    chart.addSeries(String.format(java.util.Locale.ROOT, "%s (%.0f)", c.label(), Stats.median(ms)), ms);
                }
            }
            if (!chart.getSeriesMap().isEmpty()) {
                written.add(save(chart, directory.resolve("coldstart-" + w.label() + ".png")));
            }
        }
        for (Workload w : options.workloads()) {
            CategoryChart latency = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                    .title(w.label() + " function: warm invoke latency, p50 and p90 (µs; p99 is in the table)")
                    .yAxisTitle("µs").build();
            style(latency.getStyler());
            for (int percentile : new int[] {50, 90}) {
                List<String> clients = new ArrayList<>();
                List<Double> values = new ArrayList<>();
                for (Client c : options.clients()) {
                    WarmRun run = results.warmRun(w, c);
                    if (run != null) {
                        clients.add(c.label());
                        values.add(Stats.percentile(run.invokeNanos(), percentile) / 1e3);
                    }
                }
                if (!clients.isEmpty()) {
                    latency.addSeries("p" + percentile, clients, values);
                }
            }
            if (!latency.getSeriesMap().isEmpty()) {
                written.add(save(latency, directory.resolve("warm-" + w.label() + ".png")));
            }
        }
        // One group per function, one bar per client. XChart places a series' values by position, not by
        // category: a client that did not run a function (the floor, for Spring) is cut from the end of its
        // series, which works because Spring is the last function; a gap before a later function would show as 0.
        CategoryChart rss = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Peak RSS of the warm process (MB)").yAxisTitle("MB").build();
        style(rss.getStyler());
        List<String> functions = new ArrayList<>();
        for (Workload w : options.workloads()) {
            functions.add(w.label());
        }
        for (Client c : options.clients()) {
            List<Double> megabytes = new ArrayList<>();
            for (Workload w : options.workloads()) {
                WarmRun run = results.warmRun(w, c);
                megabytes.add(run == null ? null : run.peakRssKb() / 1024.0);
            }
            while (!megabytes.isEmpty() && megabytes.get(megabytes.size() - 1) == null) {
                megabytes.remove(megabytes.size() - 1);
            }
            megabytes.replaceAll(value -> value == null ? 0.0 : value);
            if (!megabytes.isEmpty()) {
                rss.addSeries(c.label(), functions.subList(0, megabytes.size()), megabytes);
            }
        }
        if (!rss.getSeriesMap().isEmpty()) {
            written.add(save(rss, directory.resolve("rss.png")));
        }
        return written;
    }

    private static void style(Styler styler) {
        if (styler instanceof org.knowm.xchart.style.CategoryStyler bars) {
            bars.setLabelsVisible(true);
            bars.setLabelsFontColor(Color.BLACK);
            bars.setLabelsPosition(0.9);
            bars.setYAxisDecimalPattern("#0");
            bars.setYAxisMin(0.0);
        }
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        if (styler instanceof AxesChartStyler axes) {
            axes.setPlotGridLinesColor(new Color(225, 225, 225));
        }
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartTitleBoxVisible(false);
        styler.setPlotBorderVisible(false);
    }

    private static Path save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }
}
