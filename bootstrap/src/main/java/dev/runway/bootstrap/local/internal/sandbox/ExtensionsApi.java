package dev.runway.bootstrap.local.internal.sandbox;

import dev.runway.bootstrap.local.internal.http.BodyConsumer;
import dev.runway.bootstrap.local.internal.http.BufferedBody;
import dev.runway.bootstrap.local.internal.http.Exchange;
import dev.runway.bootstrap.local.internal.json.Json;
import dev.runway.bootstrap.local.internal.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The Extensions API ({@code /2020-01-01/extension/...}): registration, the event long poll and the error
 * reports, with the platform's 403 error types. An extension is external when its name is the file name of an
 * executable the platform launched from the extensions directory, and internal otherwise.
 */
public final class ExtensionsApi {

    static final String IDENTIFIER = "Lambda-Extension-Identifier";
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int MAX_BODY = 64 * 1024;

    private final Sandbox sandbox;

    /**
     * @param sandbox the environment
     */
    public ExtensionsApi(Sandbox sandbox) {
        this.sandbox = sandbox;
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
        synchronized (sandbox) {
            Generation g = sandbox.current;
            if (g == null || !g.registrationOpen) {
                forbidden(exchange, "Extension.RegistrationClosed", "Extension registration closed already");
                return;
            }
            if (g.extensions.values().stream().anyMatch(e -> e.name.equals(name))) {
                forbidden(exchange, "Extension.InvalidExtensionState", "Extension with this name already registered");
                return;
            }
            if (g.extensions.size() >= Sandbox.MAX_EXTENSIONS) {
                forbidden(exchange, "Extension.TooManyExtensions", "Extension limit (" + Sandbox.MAX_EXTENSIONS + ") reached");
                return;
            }
            boolean external = g.externalNames.contains(name);
            String invalid = invalidEvent(events, external);
            if (invalid != null) {
                forbidden(exchange, "Extension.InvalidEventType", invalid);
                return;
            }
            extension = new Extension(UUID.randomUUID().toString(), name, new LinkedHashSet<>(events), external);
            g.extensions.put(extension.id, extension);
            if (g.externalNames.stream().allMatch(launched ->
                    g.extensions.values().stream().anyMatch(e -> e.name.equals(launched)))) {
                g.externalsRegistered.complete(null);
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("functionName", sandbox.config.functionName());
        answer.put("functionVersion", sandbox.config.functionVersion());
        answer.put("handler", sandbox.config.handler() == null ? "" : sandbox.config.handler());
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

    private String invalidEvent(List<String> events, boolean external) {
        for (String event : events) {
            if (!event.equals("INVOKE") && !event.equals("SHUTDOWN")) {
                return event + ": ErrorInvalidEventType";
            }
            if (sandbox.config.concurrent() && !external) {
                return "No events allowed for internal extensions";
            }
            if (sandbox.config.concurrent() && event.equals("INVOKE")) {
                return event + ": ErrorInvalidEventType";
            }
            if (!external && event.equals("SHUTDOWN")) {
                return "SHUTDOWN: ShutdownEventNotSupportedForInternalExtension";
            }
        }
        return null;
    }

    /** {@code GET /extension/event/next}: a long poll. */
    public BodyConsumer next(Exchange exchange) {
        return BodyConsumer.ignoring(() -> {
            synchronized (sandbox) {
                Extension extension = identify(exchange);
                if (extension == null) {
                    return;
                }
                if (extension.reportedError != null) {
                    forbidden(exchange, "Extension.InvalidExtensionState", "The extension reported an error and must exit");
                    return;
                }
                Invocation finished = extension.busyWith;
                extension.busyWith = null;
                if (finished != null) {
                    finished.extensionsBusy.remove(extension);
                    sandbox.checkEnded(finished);
                }
                if (!extension.ready) {
                    extension.ready = true;
                    checkReady(sandbox.current);
                }
                extension.parkedNext = exchange;
                exchange.onClose(() -> {
                    synchronized (sandbox) {
                        if (extension.parkedNext == exchange) {
                            extension.parkedNext = null;
                        }
                    }
                });
                extension.pump();
            }
        });
    }

    /** {@code POST /extension/init/error} and {@code /extension/exit/error}. */
    public BodyConsumer error(Exchange exchange, boolean init) {
        return new BufferedBody(MAX_BODY, (body, size, trailers) -> {
            synchronized (sandbox) {
                Extension extension = identify(exchange);
                if (extension == null) {
                    return;
                }
                String type = exchange.header("Lambda-Extension-Function-Error-Type");
                if (type == null || type.isBlank()) {
                    forbidden(exchange, "Extension.MissingHeader", "Lambda-Extension-Function-Error-Type not found");
                    return;
                }
                extension.reportedError = init ? "Extension.InitError" : "Extension.ExitError";
                Generation g = sandbox.current;
                if (init && g != null && !g.initDone) {
                    // Init cannot succeed any more: fail it now rather than wait for the extension to exit.
                    g.failed.complete(new Generation.Failure("Extension.InitError",
                            "Extension " + extension.name + " reported an init error: " + type));
                }
            }
            exchange.respond(202, "application/json", Sandbox.bytes(RuntimeApi.ACCEPTED), Map.of());
        });
    }

    /**
     * Finds the caller by its {@code Lambda-Extension-Identifier}, or answers with the platform's 403. Call with
     * the lock held.
     */
    Extension identify(Exchange exchange) {
        String id = exchange.header(IDENTIFIER);
        if (id == null || id.isEmpty()) {
            forbidden(exchange, "Extension.MissingExtensionIdentifier", "Missing " + IDENTIFIER + " header");
            return null;
        }
        if (!UUID_TEXT.matcher(id).matches()) {
            forbidden(exchange, "Extension.InvalidExtensionIdentifier", "Invalid " + IDENTIFIER);
            return null;
        }
        Generation g = sandbox.current;
        Extension extension = g == null ? null : g.extensions.get(id);
        if (extension == null) {
            forbidden(exchange, "Extension.UnknownExtensionIdentifier", "Unknown extension " + id);
        }
        return extension;
    }

    /**
     * The Telemetry API's check of its caller.
     *
     * @return the calling extension's name, or {@code null} after answering with the platform's 403
     */
    public String extensionName(Exchange exchange) {
        synchronized (sandbox) {
            Extension extension = identify(exchange);
            return extension == null ? null : extension.name;
        }
    }

    /** Completes init when the runtime and every extension are ready. Call with the lock held. */
    static void checkReady(Generation g) {
        if (g != null && g.allReady()) {
            g.ready.complete(null);
        }
    }

    static void forbidden(Exchange exchange, String errorType, String message) {
        exchange.respondJson(403, Errors.json(errorType, message));
    }

    /** @return the extensions registered now, by name, for tests and the telemetry API */
    Set<String> names() {
        synchronized (sandbox) {
            Generation g = sandbox.current;
            return g == null ? Set.of() : g.extensions.values().stream().map(e -> e.name)
                    .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
        }
    }
}
