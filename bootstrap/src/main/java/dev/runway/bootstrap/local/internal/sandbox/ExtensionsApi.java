package dev.runway.bootstrap.local.internal.sandbox;

import dev.runway.bootstrap.local.internal.http.BodyConsumer;
import dev.runway.bootstrap.local.internal.http.BufferedBody;
import dev.runway.bootstrap.local.internal.http.Exchange;
import dev.runway.bootstrap.local.internal.json.Json;
import dev.runway.bootstrap.local.internal.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Extensions API ({@code /2020-01-01/extension/...}) over the {@link ExtensionRegistry}: registration, the
 * event long poll and the error reports, with the platform's 403 error types.
 */
public final class ExtensionsApi {

    static final String IDENTIFIER = ExtensionRegistry.IDENTIFIER;
    private static final int MAX_BODY = 64 * 1024;

    private final PlatformConfig config;
    private final ExtensionRegistry registry;
    private final Sandbox sandbox;

    /**
     * @param sandbox the environment
     */
    public ExtensionsApi(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.config = sandbox.config();
        this.registry = sandbox.extensions();
    }

    /** {@code POST /extension/register}. */
    public BodyConsumer register(Exchange exchange) {
        return new BufferedBody(MAX_BODY, (body, size, trailers) -> register(exchange, new String(body, StandardCharsets.UTF_8)));
    }

    private void register(Exchange exchange, String body) {
        String name = exchange.header("Lambda-Extension-Name");
        if (name == null || name.isBlank()) {
            forbidden(exchange, "Extension.InvalidExtensionName", "Empty extension name");
            return;
        }
        List<String> events;
        try {
            events = events(body);
        } catch (JsonException | IllegalArgumentException e) {
            forbidden(exchange, "InvalidRequestFormat", e.getMessage());
            return;
        }
        Extension extension;
        try {
            extension = registry.register(name, events);
        } catch (Refused refused) {
            exchange.respondJson(refused.status, refused.json);
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("functionName", config.functionName());
        answer.put("functionVersion", config.functionVersion());
        answer.put("handler", config.handler() == null ? "" : config.handler());
        String features = exchange.header("Lambda-Extension-Accept-Feature");
        if (features != null && List.of(features.split(",")).stream().map(String::trim).anyMatch("accountId"::equals)) {
            answer.put("accountId", PlatformConfig.ACCOUNT_ID);
        }
        exchange.respond(200, "application/json", Sandbox.bytes(Json.write(answer)), Map.of(IDENTIFIER, extension.id));
        sandbox.telemetry().platform("platform.extension", PlatformEvents.extension(name, List.copyOf(events)));
    }

    private static List<String> events(String body) {
        if (body.isBlank()) {
            return List.of();
        }
        Object parsed = Json.parse(body);
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("The registration body must be a JSON object");
        }
        if (map.containsKey("configurationKeys")) {
            throw new IllegalArgumentException("configurationKeys is deprecated");
        }
        Object events = map.get("events");
        if (events == null) {
            return List.of();
        }
        if (!(events instanceof List<?> list) || list.stream().anyMatch(e -> !(e instanceof String))) {
            throw new IllegalArgumentException("events must be an array of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }

    /** {@code GET /extension/event/next}: a long poll. */
    public BodyConsumer next(Exchange exchange) {
        return BodyConsumer.ignoring(() -> {
            try {
                registry.eventNext(exchange);
            } catch (Refused refused) {
                exchange.respondJson(refused.status, refused.json);
            }
        });
    }

    /** {@code POST /extension/init/error} and {@code /extension/exit/error}. */
    public BodyConsumer error(Exchange exchange, boolean init) {
        return new BufferedBody(MAX_BODY, (body, size, trailers) -> {
            try {
                registry.reportError(exchange.header(IDENTIFIER), init, exchange.header("Lambda-Extension-Function-Error-Type"));
            } catch (Refused refused) {
                exchange.respondJson(refused.status, refused.json);
                return;
            }
            exchange.respond(202, "application/json", Sandbox.bytes(RuntimeApi.ACCEPTED), Map.of());
        });
    }

    /**
     * The Telemetry API's check of its caller.
     *
     * @return the calling extension's name, or {@code null} after answering with the platform's 403
     */
    public String extensionName(Exchange exchange) {
        try {
            return registry.identify(exchange.header(IDENTIFIER)).name;
        } catch (Refused refused) {
            exchange.respondJson(refused.status, refused.json);
            return null;
        }
    }

    private static void forbidden(Exchange exchange, String errorType, String message) {
        exchange.respondJson(403, Errors.json(errorType, message));
    }

    /** @return the extensions registered now, by name, for tests and the telemetry API */
    Set<String> names() {
        return registry.names();
    }
}
