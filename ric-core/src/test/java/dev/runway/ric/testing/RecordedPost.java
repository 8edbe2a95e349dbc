package dev.runway.ric.testing;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A post the runtime made to the {@link FakeRuntimeApi}.
 *
 * @param kind which endpoint
 * @param requestId the invocation, {@code null} for {@code /init/error}
 * @param headers the request headers, names in lower case
 * @param body the body
 */
public record RecordedPost(Kind kind, String requestId, Map<String, String> headers, byte[] body) {

    /** The endpoint posted to. */
    public enum Kind {
        /** {@code /invocation/{id}/response} */
        RESPONSE,
        /** {@code /invocation/{id}/error} */
        ERROR,
        /** {@code /init/error} */
        INIT_ERROR,
        /** {@code /restore/error} */
        RESTORE_ERROR
    }

    /** @return the body as UTF-8 text */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * @param name a header name, in any case
     * @return its value, or {@code null}
     */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
