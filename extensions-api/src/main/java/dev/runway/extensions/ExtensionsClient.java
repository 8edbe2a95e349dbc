package dev.runway.extensions;

import dev.runway.wire.internal.http.HostPort;
import dev.runway.wire.internal.http.Http1Client;
import dev.runway.wire.internal.http.HttpResponse;
import dev.runway.wire.internal.json.JsonException;
import dev.runway.wire.internal.json.JsonReader;
import dev.runway.wire.internal.json.JsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Extensions API {@code 2020-01-01}: register, {@code /event/next}, {@code /init/error} and
 * {@code /exit/error}. The low-level client; {@link Extension} runs the usual lifecycle on top of it.
 *
 * <p>{@link #next()} has its own connection, so an error can be reported from another thread while a
 * {@code next} is parked. Calls on each connection are serialised; the client is safe to share.
 */
public final class ExtensionsClient implements AutoCloseable {

    /** The API's path prefix. */
    static final String PREFIX = "/2020-01-01/extension/";

    private final String runtimeApi;
    private final Http1Client control;
    private final Http1Client events;
    private volatile String extensionId;

    private ExtensionsClient(String runtimeApi) {
        this.runtimeApi = runtimeApi;
        HostPort address = HostPort.parse(runtimeApi, "AWS_LAMBDA_RUNTIME_API");
        this.control = new Http1Client(address);
        this.events = new Http1Client(address);
    }

    /**
     * @param runtimeApi {@code host:port}, as {@code AWS_LAMBDA_RUNTIME_API}
     * @return a client (connections open at the first call)
     */
    public static ExtensionsClient connect(String runtimeApi) {
        if (runtimeApi == null || runtimeApi.isBlank()) {
            throw new IllegalArgumentException("AWS_LAMBDA_RUNTIME_API is not set: extensions run under Lambda, the RIE"
                    + " or Runway's local mode");
        }
        return new ExtensionsClient(runtimeApi.trim());
    }

    /** @return a client for {@code AWS_LAMBDA_RUNTIME_API} */
    public static ExtensionsClient fromEnvironment() {
        return connect(System.getenv("AWS_LAMBDA_RUNTIME_API"));
    }

    /** @return {@code host:port} of the platform's APIs */
    public String runtimeApi() {
        return runtimeApi;
    }

    /** @return the id the platform gave at registration, or {@code null} before it */
    public String extensionId() {
        return extensionId;
    }

    /**
     * Registers the extension, asking for the account id ({@code Lambda-Extension-Accept-Feature: accountId}).
     * An external extension must register under its executable's file name, or the platform takes it for an
     * internal one; see {@link ExtensionName}.
     *
     * @param name the extension's name
     * @param subscribed the events to receive; empty is allowed (the extension then only delays the runtime's
     *     SIGKILL into a SIGTERM)
     * @return the platform's answer
     * @throws ExtensionsApiException when the platform refuses (registration closed, duplicate name, internal
     *     extension asking for SHUTDOWN, more than 10 extensions) or cannot be reached
     */
    public Registration register(String name, Set<EventType> subscribed) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an extension needs a name");
        }
        if (extensionId != null) {
            throw new IllegalStateException("already registered as " + extensionId);
        }
        List<String> names = new ArrayList<>();
        for (EventType type : EventType.values()) {
            if (subscribed.contains(type)) {
                names.add(type.name());
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Lambda-Extension-Name", name);
        headers.put("Lambda-Extension-Accept-Feature", "accountId");
        headers.put("Content-Type", "application/json");
        HttpResponse response = call(control, "POST", "register", headers,
                JsonWriter.write(Map.of("events", names)));
        expect(response, 200, "register " + name);
        String id = response.header("lambda-extension-identifier");
        if (id == null || id.isBlank()) {
            throw new ExtensionsApiException("the platform registered " + name + " without a Lambda-Extension-Identifier",
                    response.status(), null, null);
        }
        Map<?, ?> body = object(response.text());
        extensionId = id;
        Object account = body.get("accountId");
        return new Registration(id, name, text(body.get("functionName")), text(body.get("functionVersion")),
                text(body.get("handler")),
                account instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty());
    }

    /**
     * Waits for the next event, for as long as it takes: no read timeout, since the environment may be frozen
     * between invocations for minutes.
     *
     * @return the event
     * @throws ExtensionsApiException when the platform refuses or cannot be reached
     */
    public Event next() {
        HttpResponse response = call(events, "GET", "event/next", idHeader(), null);
        expect(response, 200, "event/next");
        return parseEvent(response.text());
    }

    /**
     * Reports that the extension failed to initialise; the platform fails the init (the invocation gets
     * {@code Extension.InitError}) and the extension should exit.
     *
     * @param error the error
     */
    public void initError(ExtensionError error) {
        postError("init/error", error);
    }

    /**
     * Reports that the extension fails and exits; the platform resets the environment.
     *
     * @param error the error
     */
    public void exitError(ExtensionError error) {
        postError("exit/error", error);
    }

    private void postError(String path, ExtensionError error) {
        Map<String, String> headers = idHeader();
        headers.put("Lambda-Extension-Function-Error-Type", error.errorType());
        headers.put("Content-Type", "application/json");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errorMessage", error.errorMessage());
        body.put("errorType", error.errorType());
        body.put("stackTrace", error.stackTrace());
        HttpResponse response = call(control, "POST", path, headers, JsonWriter.write(body));
        if (response.status() != 200 && response.status() != 202) {
            throw refused(response, path);
        }
    }

    /**
     * @param json an event document
     * @return the typed event
     * @throws ExtensionsApiException when it is neither INVOKE nor SHUTDOWN
     */
    static Event parseEvent(String json) {
        Map<?, ?> body = object(json);
        Object type = body.get("eventType");
        long deadline = body.get("deadlineMs") instanceof Number n ? n.longValue() : 0L;
        if ("INVOKE".equals(type)) {
            Event.Tracing tracing = null;
            if (body.get("tracing") instanceof Map<?, ?> t && t.get("value") instanceof String value) {
                tracing = new Event.Tracing(text(t.get("type")), value);
            }
            return new Event.Invoke(text(body.get("requestId")), deadline, text(body.get("invokedFunctionArn")), tracing);
        }
        if ("SHUTDOWN".equals(type)) {
            return new Event.Shutdown(text(body.get("shutdownReason")), deadline);
        }
        throw new ExtensionsApiException("unknown event type " + type + ": " + json, 200, null, null);
    }

    private Map<String, String> idHeader() {
        String id = extensionId;
        if (id == null) {
            throw new IllegalStateException("register first");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Lambda-Extension-Identifier", id);
        return headers;
    }

    private static HttpResponse call(Http1Client connection, String method, String path, Map<String, String> headers,
            String body) {
        synchronized (connection) {
            try {
                return connection.send(method, PREFIX + path, headers,
                        body == null ? null : body.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ExtensionsApiException("the Extensions API is unreachable (" + path + "): " + e, 0, null, e);
            }
        }
    }

    private static void expect(HttpResponse response, int status, String what) {
        if (response.status() != status) {
            throw refused(response, what);
        }
    }

    private static ExtensionsApiException refused(HttpResponse response, String what) {
        String type = null;
        String message = response.text();
        try {
            if (JsonReader.parse(message) instanceof Map<?, ?> error) {
                type = error.get("errorType") instanceof String s ? s : null;
                message = error.get("errorMessage") instanceof String s ? s : message;
            }
        } catch (JsonException notJson) {
            // the raw body is the message
        }
        return new ExtensionsApiException("the platform refused " + what + ": HTTP " + response.status()
                + (type == null ? "" : " " + type) + " " + message, response.status(), type, null);
    }

    private static Map<?, ?> object(String json) {
        try {
            if (JsonReader.parse(json) instanceof Map<?, ?> map) {
                return map;
            }
        } catch (JsonException e) {
            throw new ExtensionsApiException("the platform answered something that is not JSON: " + json, 200, null, e);
        }
        throw new ExtensionsApiException("the platform answered something that is not a JSON object: " + json, 200, null, null);
    }

    private static String text(Object value) {
        return value instanceof String s ? s : value == null ? null : value.toString();
    }

    /** Closes both connections; a parked {@link #next()} fails. */
    @Override
    public void close() {
        // abort, not close: another thread may be inside a call on either connection.
        control.abort();
        events.abort();
    }
}
