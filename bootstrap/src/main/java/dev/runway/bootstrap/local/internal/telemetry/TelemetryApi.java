package dev.runway.bootstrap.local.internal.telemetry;

import dev.runway.bootstrap.local.internal.http.BodyConsumer;
import dev.runway.bootstrap.local.internal.http.BufferedBody;
import dev.runway.bootstrap.local.internal.http.Exchange;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code PUT /2022-07-01/telemetry} and the older {@code PUT /2020-08-15/logs}: an extension subscribes to
 * platform events and log lines. {@code 200 "OK"} on success; {@code 400 ValidationError} for a body Lambda
 * would refuse; the 403s of the Extensions API for a caller that is no registered extension.
 */
public final class TelemetryApi {

    private static final int MAX_BODY = 64 * 1024;

    private final TelemetryHub hub;
    private final Function<Exchange, String> identify;

    /**
     * @param hub where subscriptions go
     * @param identify the caller's extension name, or {@code null} after answering with the 403 that says why
     */
    public TelemetryApi(TelemetryHub hub, Function<Exchange, String> identify) {
        this.hub = hub;
        this.identify = identify;
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
            try {
                hub.subscribe(SubscriptionRequest.parse(extension, new String(body, StandardCharsets.UTF_8), logsApi));
            } catch (SubscriptionRequest.Invalid e) {
                exchange.respondJson(400, "{\"errorMessage\":" + dev.runway.bootstrap.local.internal.json.Json.quote(e.getMessage())
                        + ",\"errorType\":\"ValidationError\"}");
                return;
            }
            exchange.respond(200, "text/plain; charset=utf-8", "OK".getBytes(StandardCharsets.UTF_8), Map.of());
        });
    }
}
