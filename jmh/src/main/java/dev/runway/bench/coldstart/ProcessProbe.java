package dev.runway.bench.coldstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a live process's memory and CPU figures from {@code /proc} (Linux only). Must be called before the process
 * is killed: the figures go with it.
 */
final class ProcessProbe {

    private ProcessProbe() {}

    /**
     * The figures at one moment.
     *
     * @param peakRssKb {@code VmHWM}: the most resident memory the process ever had, in KiB
     * @param rssKb {@code VmRSS}: resident memory now, in KiB
     * @param cpuMs CPU time its live threads have run so far, in milliseconds
     */
    record Sample(long peakRssKb, long rssKb, double cpuMs) {}

    /**
     * @param pid the process
     * @return its figures now
     * @throws IOException when the process is gone or {@code /proc} cannot be read
     */
    static Sample sample(long pid) throws IOException {
        long hwm = -1;
        long rss = -1;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                hwm = kilobytes(line);
            } else if (line.startsWith("VmRSS:")) {
                rss = kilobytes(line);
            }
        }
        return new Sample(hwm, rss, cpuNanos(pid) / 1e6);
    }

    /**
     * The CPU time of the process's threads, from the first field of each {@code /proc/<pid>/task/<tid>/schedstat}
     * (nanoseconds on the CPU). {@code /proc/<pid>/stat} would also count threads that have ended, but in clock
     * ticks of 10 ms, too coarse for a 50 ms start-up; a JVM this young has had no thread end that matters.
     */
    static long cpuNanos(long pid) throws IOException {
        long total = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String schedstat = Files.readString(task.resolve("schedstat"));
                    total += Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
                } catch (java.nio.file.NoSuchFileException ended) {
                    // the thread ended while we listed
                }
            }
        }
        return total;
    }

    /** {@code VmHWM:     41234 kB} gives 41234. */
    private static long kilobytes(String line) {
        String digits = line.substring(line.indexOf(':') + 1).replace("kB", "").trim();
        return Long.parseLong(digits);
    }
}
