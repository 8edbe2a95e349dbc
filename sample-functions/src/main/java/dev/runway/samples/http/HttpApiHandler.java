package dev.runway.samples.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/**
 * An API Gateway HTTP API (payload format 2.0) handler: {@code GET /hello?name=Ada} answers
 * {@code 200 {"greeting":"Hello, Ada!","path":"/hello"}}, any other method {@code 405}. Handler string:
 * {@code dev.runway.samples.http.HttpApiHandler}.
 */
public class HttpApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final Map<String, String> JSON = Map.of("content-type", "application/json");

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String method = event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                ? "GET"
                : event.getRequestContext().getHttp().getMethod();
        if (!"GET".equals(method)) {
            return response(405, "{\"message\":\"Method " + method + " is not allowed\"}");
        }
        Map<String, String> query = event.getQueryStringParameters();
        String name = query == null ? "world" : query.getOrDefault("name", "world");
        // A real function would use a JSON library here; this keeps the sample free of dependencies.
        return response(200, "{\"greeting\":\"Hello, " + escape(name) + "!\",\"path\":\"" + escape(event.getRawPath())
                + "\"}");
    }

    private static APIGatewayV2HTTPResponse response(int status, String body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(JSON)
                .withBody(body)
                .build();
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
