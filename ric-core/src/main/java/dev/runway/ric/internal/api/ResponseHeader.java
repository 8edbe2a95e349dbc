package dev.runway.ric.internal.api;

import dev.runway.wire.internal.http.KnownFields;

/**
 * The Runtime API's response fields the client reads; the connection skips all others without allocation (and
 * reads the framing fields, {@code Content-Length} and the like, itself).
 */
enum ResponseHeader {
    REQUEST_ID("Lambda-Runtime-Aws-Request-Id"),
    DEADLINE_MS("Lambda-Runtime-Deadline-Ms"),
    FUNCTION_ARN("Lambda-Runtime-Invoked-Function-Arn"),
    TRACE_ID("Lambda-Runtime-Trace-Id"),
    CLIENT_CONTEXT("Lambda-Runtime-Client-Context"),
    COGNITO_IDENTITY("Lambda-Runtime-Cognito-Identity"),
    TENANT_ID("Lambda-Runtime-Aws-Tenant-Id");

    private final String fieldName;

    ResponseHeader(String fieldName) {
        this.fieldName = fieldName;
    }

    /** @return a sink that keeps these fields, each at its ordinal */
    static KnownFields sink() {
        ResponseHeader[] all = values();
        String[] names = new String[all.length];
        for (ResponseHeader header : all) {
            names[header.ordinal()] = header.fieldName;
        }
        return new KnownFields(names);
    }

    /** @return this field's value in the last response, or {@code null} */
    String in(KnownFields fields) {
        return fields.value(ordinal());
    }
}
