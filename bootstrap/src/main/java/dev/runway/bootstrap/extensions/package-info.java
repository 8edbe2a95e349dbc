/**
 * The runtime's side of extensions: internal extensions found on the function's class path, registered before the
 * runtime's first {@code /next}, and graceful shutdown (a registration that makes the platform send SIGTERM, and
 * the shutdown callbacks run within the budget).
 */
package dev.runway.bootstrap.extensions;
