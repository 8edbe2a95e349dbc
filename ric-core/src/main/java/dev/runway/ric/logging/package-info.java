/**
 * The runtime's public API for logging bridges: {@link dev.runway.ric.logging.RunwayLogging}. Unlike
 * {@code dev.runway.ric.internal}, this package is stable, and it is not relocated in the runtime jar, so code in
 * the function's class loader (Runway's SLF4J provider) reaches it by its own name.
 */
package dev.runway.ric.logging;
