package dev.runway.bench.coldstart;

/**
 * One fresh start of a client.
 *
 * @param spawnToFirstResponseMs from just before the harness spawned the process to the moment the server had read
 *     the whole first {@code /response}: JVM start, runtime init, function init and the first invocation
 * @param cpuMs CPU time (user plus system, all threads) the process had used at that moment, 10 ms resolution:
 *     less sensitive than wall time to a busy machine, and what a CPU-throttled Lambda sandbox pays for
 * @param peakRssKb {@code VmHWM} at that moment
 */
record ColdStart(double spawnToFirstResponseMs, long cpuMs, long peakRssKb) {}
