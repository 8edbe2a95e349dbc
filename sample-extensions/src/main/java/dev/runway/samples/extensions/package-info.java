/**
 * Sample extensions written with Runway's extensions SDK: {@link dev.runway.samples.extensions.TelemetryForwarder}
 * (external, launched by {@code src/layer/extensions/telemetry-forwarder}) and
 * {@link dev.runway.samples.extensions.InvocationTimer} (internal, listed in {@code META-INF/services}).
 */
package dev.runway.samples.extensions;
