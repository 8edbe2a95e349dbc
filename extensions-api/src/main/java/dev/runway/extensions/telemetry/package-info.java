/**
 * A Telemetry API ({@code 2022-07-01}) subscriber, with the Logs API ({@code 2020-08-15}) where the Telemetry API
 * is missing: a local HTTP listener (Netty, which the extension brings: the SDK's dependency on it is optional),
 * the subscription, typed events, a bounded queue and batched processing, and the flush that waits for the
 * current invocation's {@code platform.runtimeDone}.
 */
package dev.runway.extensions.telemetry;
