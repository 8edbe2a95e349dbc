package dev.runway.ric.internal.context;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the JSON of the {@code Lambda-Runtime-Client-Context} and {@code Lambda-Runtime-Cognito-Identity}
 * headers with the streaming parser only, so no data-binding classes load for them.
 *
 * <p>A header that is not valid JSON gives an empty object rather than failing the invocation: the handler
 * asked for optional metadata, and the platform produced it.
 */
final class ContextHeaders {

    private static final JsonFactory JSON = new JsonFactory();

    private ContextHeaders() {}

    static CognitoIdentity parseCognitoIdentity(String json) {
        Map<String, Object> fields = parseObject(json);
        return new Cognito(string(fields.get("cognitoIdentityId")), string(fields.get("cognitoIdentityPoolId")));
    }

    static ClientContext parseClientContext(String json) {
        Map<String, Object> fields = parseObject(json);
        Map<String, String> client = strings(fields.get("client"));
        return new ClientContextValue(
                new ClientValue(
                        client.get("installation_id"),
                        client.get("app_title"),
                        client.get("app_version_name"),
                        client.get("app_version_code"),
                        client.get("app_package_name")),
                strings(fields.get("custom")),
                strings(fields.get("env")));
    }

    /** Reads one object, one level of nested objects deep; other values become their text. */
    private static Map<String, Object> parseObject(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Map.of();
            }
            return readObject(parser, 0);
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static Map<String, Object> readObject(JsonParser parser, int depth) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT && depth == 0) {
                fields.put(name, readObject(parser, depth + 1));
            } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                parser.skipChildren();
            } else if (value != JsonToken.VALUE_NULL) {
                fields.put(name, parser.getText());
            }
        }
        return fields;
    }

    private static String string(Object value) {
        return value instanceof String s ? s : null;
    }

    private static Map<String, String> strings(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v instanceof String s) {
                result.put((String) k, s);
            }
        });
        return Collections.unmodifiableMap(result);
    }

    private record Cognito(String getIdentityId, String getIdentityPoolId) implements CognitoIdentity {}

    private record ClientValue(
            String getInstallationId,
            String getAppTitle,
            String getAppVersionName,
            String getAppVersionCode,
            String getAppPackageName)
            implements Client {}

    private record ClientContextValue(Client getClient, Map<String, String> getCustom, Map<String, String> getEnvironment)
            implements ClientContext {}
}
