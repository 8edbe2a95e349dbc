/**
 * Runway's SDK for Lambda extensions: external extensions (processes in {@code /opt/extensions}), internal
 * (in-process) extensions and Telemetry API subscribers.
 */
package dev.runway.extensions;
