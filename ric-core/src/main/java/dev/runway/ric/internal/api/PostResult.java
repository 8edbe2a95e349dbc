package dev.runway.ric.internal.api;

import java.nio.charset.StandardCharsets;

/**
 * The platform's answer to a POST.
 *
 * @param status the HTTP status: 202 when the platform took the post
 * @param body the answer's body, for an error a JSON {@code {errorMessage, errorType}}
 */
public record PostResult(int status, byte[] body) {

    /** @return whether the platform accepted the post */
    public boolean accepted() {
        return status == 202;
    }

    /** @return the body as text, for messages */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
