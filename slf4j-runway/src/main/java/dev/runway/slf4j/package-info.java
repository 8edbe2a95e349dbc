/**
 * Runway's SLF4J 2 provider: {@link dev.runway.slf4j.RunwayServiceProvider}. SLF4J finds it on the function's
 * class path; it writes through the runtime's public logging API, {@code dev.runway.ric.logging}.
 */
package dev.runway.slf4j;
