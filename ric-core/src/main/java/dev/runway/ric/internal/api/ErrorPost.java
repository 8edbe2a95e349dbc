package dev.runway.ric.internal.api;

/**
 * An error as it is posted to the Runtime API.
 *
 * @param errorType the {@code Lambda-Runtime-Function-Error-Type} header, such as {@code Runtime.UserException}
 * @param body the JSON {@code {errorMessage, errorType, stackTrace}}
 * @param xrayCause the {@code Lambda-Runtime-Function-XRay-Error-Cause} header (ASCII JSON), or {@code null}
 */
public record ErrorPost(String errorType, byte[] body, String xrayCause) {}
