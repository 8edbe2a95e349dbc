/**
 * Runway's benchmarks: the cold-start harness ({@link dev.runway.bench.coldstart.ColdStartHarness}) that races
 * Runway, the official RIC and a minimal floor client against one Runtime API server, and the JMH benchmarks of the
 * loop's hot path ({@link dev.runway.bench.jmh.RoundTripBenchmark}). How to run them: {@code docs/performance.md}.
 */
package dev.runway.bench;
