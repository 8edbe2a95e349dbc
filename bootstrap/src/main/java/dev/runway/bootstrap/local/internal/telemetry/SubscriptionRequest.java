package dev.runway.bootstrap.local.internal.telemetry;

import dev.runway.bootstrap.local.internal.json.Json;
import dev.runway.bootstrap.local.internal.json.JsonException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a subscription body as Lambda does: schema version, event types, buffering limits
 * (1,000–10,000 items, 256 KiB–1 MiB, 25–30,000 ms) and a destination on the sandbox's own host.
 */
final class SubscriptionRequest {

    static final List<String> TELEMETRY_SCHEMAS = List.of("2022-07-01", "2022-12-13", "2025-01-29");
    static final List<String> LOGS_SCHEMAS = List.of("2020-08-15", "2021-03-18");
    private static final Set<String> TYPES = Set.of("platform", "function", "extension");
    private static final Set<String> LOCAL_HOSTS = Set.of("sandbox", "sandbox.localdomain", "localhost", "127.0.0.1");

    private SubscriptionRequest() {}

    /** A subscription body Lambda would refuse; the message says why. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    static Subscription parse(String extension, String body, boolean logsApi) throws Invalid {
        Object parsed;
        try {
            parsed = Json.parse(body);
        } catch (JsonException e) {
            throw new Invalid("The subscription body is not JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new Invalid("The subscription body must be a JSON object");
        }
        Object schema = map.get("schemaVersion");
        List<String> schemas = logsApi ? LOGS_SCHEMAS : TELEMETRY_SCHEMAS;
        if (schema != null && !schemas.contains(schema)) {
            throw new Invalid("schemaVersion must be one of " + schemas + ", got " + schema);
        }
        if (schema == null && !logsApi) {
            throw new Invalid("schemaVersion is required");
        }
        Set<String> types = types(map.get("types"));
        Map<?, ?> buffering = map.get("buffering") instanceof Map<?, ?> b ? b : Map.of();
        int maxItems = bounded(buffering, "maxItems", 1_000, 10_000, 10_000);
        int maxBytes = bounded(buffering, "maxBytes", 262_144, 1_048_576, 262_144);
        int timeoutMs = bounded(buffering, "timeoutMs", 25, 30_000, 1_000);
        if (!(map.get("destination") instanceof Map<?, ?> destination)) {
            throw new Invalid("destination is required");
        }
        Object protocol = destination.get("protocol");
        if ("HTTP".equals(protocol)) {
            return new Subscription(extension, types, maxItems, maxBytes, timeoutMs, httpUri(destination.get("URI")), 0);
        }
        if ("TCP".equals(protocol)) {
            return new Subscription(extension, types, maxItems, maxBytes, timeoutMs, null, tcpPort(destination.get("port")));
        }
        throw new Invalid("destination.protocol must be HTTP or TCP, got " + protocol);
    }

    /**
     * The port a TCP subscriber listens on in the sandbox: 1–65535 but 9001, the Runtime API's own on Lambda, as for
     * an HTTP destination's port.
     */
    private static int tcpPort(Object value) throws Invalid {
        if (value == null) {
            throw new Invalid("destination.port is required with protocol TCP");
        }
        if (!(value instanceof Long port) || port < 1 || port > 65535 || port == 9001) {
            throw new Invalid("destination.port must be a whole number from 1 to 65535 other than 9001, got " + value);
        }
        return port.intValue();
    }

    private static Set<String> types(Object value) throws Invalid {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new Invalid("types must be a non-empty array of platform, function, extension");
        }
        Set<String> types = new LinkedHashSet<>();
        for (Object type : list) {
            if (!(type instanceof String s) || !TYPES.contains(s)) {
                throw new Invalid("Unknown type " + type + ": types are platform, function, extension");
            }
            types.add(s);
        }
        return types;
    }

    private static int bounded(Map<?, ?> buffering, String name, int min, int max, int fallback) throws Invalid {
        Object value = buffering.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Long n) || n < min || n > max) {
            throw new Invalid("buffering." + name + " must be a whole number from " + min + " to " + max + ", got " + value);
        }
        return n.intValue();
    }

    private static URI httpUri(Object value) throws Invalid {
        if (!(value instanceof String text)) {
            throw new Invalid("destination.URI is required");
        }
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new Invalid("destination.URI is not a URI: " + text);
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || !LOCAL_HOSTS.contains(uri.getHost())
                || uri.getPort() < 1 || uri.getPort() == 9001) {
            throw new Invalid("destination.URI must be http://sandbox.localdomain:<port>/... with a port other than 9001");
        }
        // sandbox.localdomain is the sandbox itself, here this machine's loopback.
        return URI.create("http://127.0.0.1:" + uri.getPort() + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath()));
    }
}
