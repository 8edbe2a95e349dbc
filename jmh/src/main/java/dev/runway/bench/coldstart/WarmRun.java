package dev.runway.bench.coldstart;

/**
 * The warm process of one client: many invocations in one JVM.
 *
 * @param invokeNanos per measured invocation, from the server writing the event to it having read the
 *     {@code /response} (see {@link dev.runway.bench.server.Session#invokeNanos})
 * @param periodNanos per measured invocation, the time between two consecutive {@code /response}s: one whole
 *     trip round the loop (see {@link dev.runway.bench.server.Session#periodNanos})
 * @param peakRssKb {@code VmHWM} after the last invocation, just before the process was killed
 * @param cpuMs CPU time the process had used by then
 */
record WarmRun(long[] invokeNanos, long[] periodNanos, long peakRssKb, double cpuMs) {}
