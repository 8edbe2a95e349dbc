package dev.runway.bench.coldstart;

/**
 * One fresh start of a client.
 *
 * @param spawnToFirstResponseMs from just before the harness spawned the process to the moment the server had read
 *     the whole first {@code /response}: JVM start, runtime init, function init and the first invocation
 * @param cpuMs CPU time the process's threads had run at that moment (see {@link ProcessProbe#cpuNanos}):
 *     less sensitive than wall time to a busy machine, and what a CPU-throttled Lambda sandbox pays for
 * @param peakRssKb {@code VmHWM} at that moment
 */
record ColdStart(double spawnToFirstResponseMs, double cpuMs, long peakRssKb) {}
