package dev.runway.ric.internal.api;

/** The response headers the Runtime API client reads; all others are skipped without allocation. */
enum ResponseHeader {
    CONTENT_LENGTH("Content-Length"),
    TRANSFER_ENCODING("Transfer-Encoding"),
    CONNECTION("Connection"),
    REQUEST_ID("Lambda-Runtime-Aws-Request-Id"),
    DEADLINE_MS("Lambda-Runtime-Deadline-Ms"),
    FUNCTION_ARN("Lambda-Runtime-Invoked-Function-Arn"),
    TRACE_ID("Lambda-Runtime-Trace-Id"),
    CLIENT_CONTEXT("Lambda-Runtime-Client-Context"),
    COGNITO_IDENTITY("Lambda-Runtime-Cognito-Identity"),
    TENANT_ID("Lambda-Runtime-Aws-Tenant-Id");

    static final int COUNT = values().length;
    private static final ResponseHeader[] ALL = values();

    private final byte[] lowerCaseName;

    ResponseHeader(String name) {
        this.lowerCaseName = name.toLowerCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Finds the header whose name is {@code length} bytes at {@code offset}, ignoring ASCII case. */
    static ResponseHeader match(byte[] bytes, int offset, int length) {
        for (ResponseHeader header : ALL) {
            byte[] name = header.lowerCaseName;
            if (name.length == length && equalsIgnoreAsciiCase(name, bytes, offset)) {
                return header;
            }
        }
        return null;
    }

    private static boolean equalsIgnoreAsciiCase(byte[] lower, byte[] bytes, int offset) {
        for (int i = 0; i < lower.length; i++) {
            int b = bytes[offset + i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lower[i]) {
                return false;
            }
        }
        return true;
    }
}
