package dev.runway.wire.internal.http;

/**
 * Receives the header fields of each response as the connection parses them, as byte ranges of its read buffer:
 * an implementation keeps what it needs and copies nothing else. The connection itself reads the fields that frame
 * the message ({@code Content-Length}, {@code Transfer-Encoding}, {@code Connection}); sinks see those too.
 */
public interface FieldSink {

    /** A new response begins: forget the previous one's fields. */
    void clear();

    /**
     * One field line, already checked (RFC 9112 section 5.1): the name is a token, the value has its surrounding
     * whitespace removed.
     *
     * @param bytes the buffer holding the line
     * @param nameStart the name's first byte
     * @param nameEnd after the name's last byte
     * @param valueStart the value's first byte
     * @param valueEnd after the value's last byte
     */
    void field(byte[] bytes, int nameStart, int nameEnd, int valueStart, int valueEnd);
}
