package dev.runway.ric.testing;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An event the {@link FakeRuntimeApi} hands to the runtime, with the {@code /next} headers it sends.
 *
 * @param requestId the {@code Lambda-Runtime-Aws-Request-Id}
 * @param payload the body
 * @param headers the other headers, such as {@code Lambda-Runtime-Deadline-Ms}
 */
public record Event(String requestId, byte[] payload, Map<String, String> headers) {

    /**
     * An event with a fresh request id, a deadline 30 s from now and a function ARN.
     *
     * @param payload the body
     * @return the event
     */
    public static Event of(String payload) {
        return of(payload.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An event with a fresh request id, a deadline 30 s from now and a function ARN.
     *
     * @param payload the body
     * @return the event
     */
    public static Event of(byte[] payload) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
        headers.put("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:012345678912:function:test_function");
        return new Event(UUID.randomUUID().toString(), payload, Map.copyOf(headers));
    }

    /**
     * @param name a header name
     * @param value its value
     * @return this event with the header added or replaced
     */
    public Event withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Event(requestId, payload, copy);
    }

    /**
     * @param name a header name
     * @return this event without that header
     */
    public Event withoutHeader(String name) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.remove(name);
        return new Event(requestId, payload, copy);
    }
}
