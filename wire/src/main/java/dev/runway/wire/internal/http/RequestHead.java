package dev.runway.wire.internal.http;

import java.util.Arrays;

/**
 * Builds a request head (RFC 9112 sections 3 and 5) into one reusable byte array: the hot path formats each
 * request without a {@code String} of the whole head. A value that is not printable ASCII has those characters
 * replaced by {@code '?'}, so that no value (a request id, an error type) can end a line and split the head.
 */
public final class RequestHead {

    private byte[] bytes = new byte[1024];
    private int length;

    /**
     * Starts a new head: {@code method SP request-target SP HTTP/1.1 CRLF} (RFC 9112 section 3).
     *
     * @param method the method, such as {@code GET}
     * @param target the request target, such as {@code /2018-06-01/runtime/invocation/next}; a space or control
     *     character in it becomes {@code '?'}
     * @return this builder
     */
    public RequestHead start(String method, String target) {
        return start(method, "", target);
    }

    /**
     * Starts a new head whose request target comes in two parts, such as a fixed prefix and the rest: the hot path
     * then concatenates no string per request.
     *
     * @param method the method
     * @param targetPrefix the first part of the request target
     * @param target the rest of it; a space or control character in either part becomes {@code '?'}
     * @return this builder
     */
    public RequestHead start(String method, String targetPrefix, String target) {
        length = 0;
        raw(method);
        raw(" ");
        append(targetPrefix, true);
        append(target, true);
        raw(" HTTP/1.1\r\n");
        return this;
    }

    /**
     * Adds one field line (RFC 9112 section 5.1).
     *
     * @param name the field name, a token
     * @param value the value; characters other than printable ASCII become {@code '?'}
     * @return this builder
     * @throws IllegalArgumentException when the name is not a token
     */
    public RequestHead field(String name, String value) {
        for (int i = 0; i < name.length(); i++) {
            if (!Ascii.isToken(name.charAt(i))) {
                throw new IllegalArgumentException("not a field name: '" + name + "'");
            }
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an empty field name");
        }
        raw(name);
        raw(": ");
        append(value, false);
        raw("\r\n");
        return this;
    }

    /**
     * Ends the head with the empty line.
     *
     * @return this builder
     */
    public RequestHead end() {
        raw("\r\n");
        return this;
    }

    /** @return the array holding the head; its first {@link #length()} bytes are the head */
    public byte[] bytes() {
        return bytes;
    }

    /** @return the head's length in bytes */
    public int length() {
        return length;
    }

    /** @return a copy of the head */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    private void raw(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
    }

    private void append(String s, boolean target) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean printable = target ? c > 0x20 && c < 0x7f : c >= 0x20 && c < 0x7f;
            bytes[length++] = printable ? (byte) c : (byte) '?';
        }
    }

    private void ensure(int n) {
        if (length + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
        }
    }
}
