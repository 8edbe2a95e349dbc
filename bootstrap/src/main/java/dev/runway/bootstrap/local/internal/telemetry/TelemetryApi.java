package dev.runway.bootstrap.local.internal.telemetry;

import dev.runway.bootstrap.local.internal.http.BodyConsumer;
import dev.runway.bootstrap.local.internal.http.BufferedBody;
import dev.runway.bootstrap.local.internal.http.Exchange;
import dev.runway.bootstrap.local.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * {@code PUT /2022-07-01/telemetry} and the older {@code PUT /2020-08-15/logs}: an extension subscribes to
 * platform events and log lines. {@code 200 "OK"} on success; {@code 400 ValidationError} for a body Lambda
 * would refuse; the 403s of the Extensions API for a caller that is no registered extension; and, once init is
 * over, {@code 403 Telemetry.SubscriptionClosed} ({@code Logs.SubscriptionClosed} for the Logs API), as Lambda's
 * Runtime API answers when it has turned its subscription service off.
 */
public final class TelemetryApi {

    private static final int MAX_BODY = 64 * 1024;

    private final TelemetryHub hub;
    private final Function<Exchange, String> identify;
    private final BooleanSupplier open;

    /**
     * @param hub where subscriptions go
     * @param identify the caller's extension name, or {@code null} after answering with the 403 that says why
     * @param open whether subscriptions are accepted now: during an init only
     */
    public TelemetryApi(TelemetryHub hub, Function<Exchange, String> identify, BooleanSupplier open) {
        this.hub = hub;
        this.identify = identify;
        this.open = open;
    }

    /**
     * A subscription request.
     *
     * @param logsApi whether it came through the Logs API
     */
    public BodyConsumer subscribe(Exchange exchange, boolean logsApi) {
        return new BufferedBody(MAX_BODY, (body, size, trailers) -> {
            String extension = identify.apply(exchange);
            if (extension == null) {
                return;
            }
            Subscription subscription;
            try {
                subscription = SubscriptionRequest.parse(extension, new String(body, StandardCharsets.UTF_8), logsApi);
            } catch (SubscriptionRequest.Invalid e) {
                exchange.respondJson(400, error("ValidationError", e.getMessage()));
                return;
            }
            // After the body is checked, as the platform's subscription service does: a bad body is a 400 at any time.
            if (!open.getAsBoolean()) {
                exchange.respondJson(403, logsApi
                        ? error("Logs.SubscriptionClosed", "Logs API subscription is closed already")
                        : error("Telemetry.SubscriptionClosed", "Telemetry API subscription is closed"));
                return;
            }
            hub.subscribe(subscription);
            exchange.respond(200, "text/plain; charset=utf-8", "OK".getBytes(StandardCharsets.UTF_8), Map.of());
        });
    }

    private static String error(String type, String message) {
        return "{\"errorMessage\":" + Json.quote(message) + ",\"errorType\":\"" + type + "\"}";
    }
}
