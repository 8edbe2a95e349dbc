package dev.runway.bootstrap.local.internal.console;

import dev.runway.bootstrap.local.internal.events.EventTemplates;
import dev.runway.bootstrap.local.internal.http.BodyConsumer;
import dev.runway.bootstrap.local.internal.http.Exchange;
import dev.runway.bootstrap.local.internal.http.Routes;
import dev.runway.bootstrap.local.internal.json.Json;
import dev.runway.bootstrap.local.internal.sandbox.PlatformConfig;
import dev.runway.bootstrap.local.internal.sandbox.Sandbox;
import dev.runway.bootstrap.local.internal.sandbox.SandboxView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local console, on the invoke endpoint's port: the page at {@code /}, its script and style (resources of
 * local mode's jar, nothing fetched from elsewhere), and the JSON it polls. The page invokes the function through
 * the invoke endpoint itself, as any client would.
 *
 * <p>Loopback only: a request from another machine (when local mode binds a wider address) or naming another
 * host (a DNS rebinding page in the developer's browser) gets 403, since the console shows the function's
 * environment.
 */
public final class ConsoleEndpoints {

    private static final String ASSETS = "/dev/runway/bootstrap/local/console/";
    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8",
            "console.css", "text/css; charset=utf-8");

    private final Sandbox sandbox;
    private final ConsoleLog log;
    private final String runtimeApi;

    /**
     * @param sandbox the environment, for its settings
     * @param log what the page polls
     * @param runtimeApi the Runtime API's {@code host:port}
     */
    public ConsoleEndpoints(Sandbox sandbox, ConsoleLog log, String runtimeApi) {
        this.sandbox = sandbox;
        this.log = log;
        this.runtimeApi = runtimeApi;
    }

    /**
     * Adds the console's routes.
     *
     * @param routes the invoke endpoint's routes
     * @return them
     */
    public Routes addTo(Routes routes) {
        return routes
                .add("GET", "/", (x, p) -> guarded(x, () -> asset("index.html")))
                .add("GET", "/console/{}", (x, p) -> guarded(x, () -> asset(p.get(0))))
                .add("GET", "/console/api/log/{}", (x, p) -> guarded(x, () -> json(log.since(parseLong(p.get(0))))))
                .add("GET", "/console/api/environment", (x, p) -> guarded(x, () -> json(environment())))
                .add("GET", "/console/api/events", (x, p) -> guarded(x, () -> json(Json.write(EventTemplates.SOURCES))))
                .add("GET", "/console/api/events/{}", (x, p) -> guarded(x, () -> event(p.get(0))));
    }

    private record Answer(int status, String type, byte[] body) {}

    private static BodyConsumer guarded(Exchange exchange, java.util.function.Supplier<Answer> answer) {
        return BodyConsumer.ignoring(() -> {
            Answer a = local(exchange) ? answer.get()
                    : new Answer(403, "text/plain; charset=utf-8", bytes("The local console answers this machine only.\n"));
            exchange.respond(a.status(), a.type(), a.body(), Map.of("Cache-Control", "no-store"));
        });
    }

    /** From loopback, and naming a loopback host: what a browser on this machine sends. */
    static boolean local(Exchange exchange) {
        if (!(exchange.remoteAddress() instanceof InetSocketAddress remote) || remote.getAddress() == null
                || !remote.getAddress().isLoopbackAddress()) {
            return false;
        }
        String host = exchange.header("Host");
        if (host == null) {
            return true;
        }
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.contains(":") ? host.substring(0, host.lastIndexOf(':')) : host;
        return name.equals("localhost") || name.equals("[::1]") || name.startsWith("127.");
    }

    private static Answer asset(String name) {
        String type = TYPES.get(name);
        if (type == null) {
            return notFound();
        }
        try (InputStream in = ConsoleEndpoints.class.getResourceAsStream(ASSETS + name)) {
            if (in == null) {
                return notFound();
            }
            return new Answer(200, type, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer event(String source) {
        if (!EventTemplates.SOURCES.containsKey(source)) {
            return notFound();
        }
        return json(EventTemplates.render(source, Map.of()));
    }

    private String environment() {
        PlatformConfig config = sandbox.config();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("functionName", config.functionName());
        settings.put("functionVersion", config.functionVersion());
        settings.put("handler", config.handler());
        settings.put("taskRoot", config.taskRoot().toString());
        settings.put("extensionsDirectory", config.extensionsDirectory() == null ? null : config.extensionsDirectory().toString());
        settings.put("runtimeApi", runtimeApi);
        settings.put("functionArn", config.functionArn());
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("memoryMb", config.memoryMb());
        limits.put("timeoutSeconds", config.timeoutSeconds());
        limits.put("maxConcurrency", config.concurrent() ? config.maxConcurrency() : "one invocation at a time");
        limits.put("payloadBytes", PlatformConfig.MAX_PAYLOAD);
        limits.put("streamedResponseBytes", PlatformConfig.MAX_STREAMED_PAYLOAD);
        limits.put("extensions", 10);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("settings", settings);
        all.put("limits", limits);
        all.put("variables", SandboxView.lambdaVariables(sandbox));
        return Json.write(all);
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Answer json(String json) {
        return new Answer(200, "application/json", bytes(json));
    }

    private static Answer notFound() {
        return new Answer(404, "text/plain; charset=utf-8", bytes("404 page not found\n"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
