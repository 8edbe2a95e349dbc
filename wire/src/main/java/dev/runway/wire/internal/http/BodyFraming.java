package dev.runway.wire.internal.http;

/** How a response body is delimited: RFC 9112 section 6.3, "Message Body Length". */
enum BodyFraming {
    /** No body: a 1xx, 204 or 304 response (rule 1 of section 6.3), or {@code Content-Length: 0}. */
    NONE,
    /** Exactly {@code Content-Length} bytes (rule 6). */
    CONTENT_LENGTH,
    /** The chunked transfer coding is the final coding (rule 4; its syntax in section 7.1). */
    CHUNKED,
    /** Everything until the server closes the connection (rules 4 and 8). */
    UNTIL_CLOSE
}
