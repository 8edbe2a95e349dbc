package dev.runway.bench.coldstart;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every measurement of one harness run, by handler and client. */
final class Results {

    private final Map<Workload, Map<Client, List<ColdStart>>> coldStarts = new EnumMap<>(Workload.class);
    private final Map<Workload, Map<Client, WarmRun>> warmRuns = new EnumMap<>(Workload.class);

    void add(Workload workload, Client client, ColdStart start) {
        coldStarts.computeIfAbsent(workload, w -> new EnumMap<>(Client.class))
                .computeIfAbsent(client, c -> new ArrayList<>())
                .add(start);
    }

    void add(Workload workload, Client client, WarmRun run) {
        warmRuns.computeIfAbsent(workload, w -> new EnumMap<>(Client.class)).put(client, run);
    }

    /** @return the cold starts of one client, empty when it did not run */
    List<ColdStart> coldStarts(Workload workload, Client client) {
        return coldStarts.getOrDefault(workload, Map.of()).getOrDefault(client, List.of());
    }

    /** @return the warm run of one client, or {@code null} when it did not run */
    WarmRun warmRun(Workload workload, Client client) {
        return warmRuns.getOrDefault(workload, Map.of()).get(client);
    }

    /** @return the median spawn-to-first-response, or NaN when the client did not run */
    double coldMedianMs(Workload workload, Client client) {
        List<ColdStart> starts = coldStarts(workload, client);
        return starts.isEmpty() ? Double.NaN
                : Stats.median(starts.stream().mapToDouble(ColdStart::spawnToFirstResponseMs).toArray());
    }

    /** @return the median CPU time at first response, or NaN */
    double coldCpuMedianMs(Workload workload, Client client) {
        List<ColdStart> starts = coldStarts(workload, client);
        return starts.isEmpty() ? Double.NaN
                : Stats.median(starts.stream().mapToDouble(ColdStart::cpuMs).toArray());
    }

    /** @return the warm invoke p50 in microseconds, or NaN */
    double warmP50Us(Workload workload, Client client) {
        WarmRun run = warmRun(workload, client);
        return run == null ? Double.NaN : Stats.percentile(run.invokeNanos(), 50) / 1e3;
    }

    /** @return the warm process's peak RSS in KiB, or NaN */
    double peakRssKb(Workload workload, Client client) {
        WarmRun run = warmRun(workload, client);
        return run == null ? Double.NaN : run.peakRssKb();
    }
}
