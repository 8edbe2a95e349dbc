package dev.runway.bench.coldstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a live process's memory and CPU figures from {@code /proc} (Linux only). Must be called before the process
 * is killed: the figures go with it.
 */
final class ProcessProbe {

    /** {@code USER_HZ}: the unit of the CPU times in {@code /proc/<pid>/stat}; 100 on every Linux we run on. */
    private static final int CLOCK_TICKS_PER_SECOND = 100;

    private ProcessProbe() {}

    /**
     * The figures at one moment.
     *
     * @param peakRssKb {@code VmHWM}: the most resident memory the process ever had, in KiB
     * @param rssKb {@code VmRSS}: resident memory now, in KiB
     * @param cpuMs user plus system CPU time of all its threads so far, in milliseconds (10 ms resolution)
     */
    record Sample(long peakRssKb, long rssKb, long cpuMs) {}

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
        return new Sample(hwm, rss, cpuMillis(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
    }

    /** {@code VmHWM:     41234 kB} gives 41234. */
    private static long kilobytes(String line) {
        String digits = line.substring(line.indexOf(':') + 1).replace("kB", "").trim();
        return Long.parseLong(digits);
    }

    /**
     * Fields 14 and 15 of {@code /proc/<pid>/stat} are {@code utime} and {@code stime}; counting starts after the
     * command name, which is in parentheses and may itself contain spaces.
     */
    static long cpuMillis(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state), so field n is fields[n - 3].
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
    }
}
