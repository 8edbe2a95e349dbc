package dev.runway.ric.internal.logging;

/**
 * Which console stream a record belongs to when there is no telemetry descriptor: what the function wrote to
 * {@code System.err}, and the runtime's own diagnostics, go to standard error; everything else to standard output,
 * where the managed runtime writes {@code LambdaLogger} output.
 */
enum Target {
    /** Standard output. */
    OUT,
    /** Standard error. */
    ERR
}
