package dev.runway.bootstrap.local.internal.telemetry;

import java.net.URI;
import java.util.Set;

/**
 * One accepted subscription to the Telemetry API (or the older Logs API).
 *
 * @param extension the subscribing extension's name
 * @param types {@code platform}, {@code function}, {@code extension}
 * @param maxItems buffering: the most events in one batch
 * @param maxBytes buffering: the most bytes in one batch
 * @param timeoutMs buffering: the longest an event waits
 * @param httpUri the HTTP destination, on this machine, or {@code null}
 * @param tcpPort the TCP destination's port, or 0
 */
record Subscription(String extension, Set<String> types, int maxItems, int maxBytes, int timeoutMs, URI httpUri, int tcpPort) {}
