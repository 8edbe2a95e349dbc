package dev.runway.bootstrap.local.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A table of routes: a method, a path pattern whose {@code {}} segments match one segment each, and the
 * endpoint given those segments. A path that matches with another method gets 405, as in the RIE's router.
 */
public final class Routes implements Router {

    private record Route(String method, String[] segments, BiFunction<Exchange, List<String>, BodyConsumer> endpoint) {}

    private final List<Route> routes = new ArrayList<>();

    /**
     * Adds a route.
     *
     * @param method the HTTP method
     * @param pattern such as {@code /2018-06-01/runtime/invocation/{}/response}
     * @param endpoint given the exchange and the {@code {}} segments
     * @return this
     */
    public Routes add(String method, String pattern, BiFunction<Exchange, List<String>, BodyConsumer> endpoint) {
        routes.add(new Route(method, pattern.split("/", -1), endpoint));
        return this;
    }

    @Override
    public Endpoint route(String method, String path) {
        String[] segments = path.split("/", -1);
        boolean pathMatched = false;
        for (Route route : routes) {
            List<String> params = match(route.segments(), segments);
            if (params == null) {
                continue;
            }
            pathMatched = true;
            if (route.method().equals(method)) {
                return exchange -> route.endpoint().apply(exchange, params);
            }
        }
        if (pathMatched) {
            return exchange -> BodyConsumer.ignoring(() -> exchange.respond(405, "text/plain; charset=utf-8",
                    "Method Not Allowed\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), java.util.Map.of()));
        }
        return null;
    }

    private static List<String> match(String[] pattern, String[] path) {
        if (pattern.length != path.length) {
            return null;
        }
        List<String> params = new ArrayList<>();
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].equals("{}")) {
                if (path[i].isEmpty()) {
                    return null;
                }
                params.add(java.net.URLDecoder.decode(path[i], java.nio.charset.StandardCharsets.UTF_8));
            } else if (!pattern[i].equals(path[i])) {
                return null;
            }
        }
        return params;
    }
}
