package dev.runway.wire.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A whole response as {@link Http1Client} returns it.
 *
 * @param status the status code
 * @param fields the header fields, by lower-case name
 * @param body the body
 */
public record HttpResponse(int status, Map<String, String> fields, byte[] body) {

    /**
     * @param name a field name, in any case
     * @return its value, or {@code null}
     */
    public String header(String name) {
        return fields.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** @return the body as UTF-8 text */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
