/**
 * Logging: every record, from {@code LambdaLogger}, {@code System.out}, {@code System.err}, SLF4J and the
 * runtime itself, goes through one {@link dev.runway.ric.internal.logging.RecordWriter} to the telemetry
 * descriptor as a frame, or to the console as a line. Installed by
 * {@link dev.runway.ric.internal.logging.RuntimeLogging}.
 */
package dev.runway.ric.internal.logging;
