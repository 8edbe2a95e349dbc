package dev.runway.bench.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes {@code /next} answers into one reused buffer, so the server allocates nothing per event and every
 * answer leaves in a single write (one TCP segment with {@code TCP_NODELAY}).
 *
 * <p>Request ids look like Lambda's UUIDs and end in the invocation index as twelve decimal digits
 * ({@code 8e0d1f3a-0000-4000-8000-000000000042}), which {@link #indexOf} reads back from a post's path.
 */
final class EventWriter {

    private static final int INDEX_DIGITS = 12;
    private static final String ID_PREFIX = "8e0d1f3a-0000-4000-8000-";

    private final byte[] fixedHeaders;
    private byte[] buffer = new byte[4096];
    private int length;

    EventWriter(String functionArn, String traceId) {
        this.fixedHeaders = ("HTTP/1.1 200 OK\r\n"
                        + "Content-Type: application/json\r\n"
                        + "Lambda-Runtime-Invoked-Function-Arn: " + functionArn + "\r\n"
                        + "Lambda-Runtime-Trace-Id: " + traceId + "\r\n"
                        + "Lambda-Runtime-Aws-Request-Id: " + ID_PREFIX)
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes the answer to {@code /next} for invocation {@code index}. */
    void write(OutputStream out, int index, long deadlineMs, byte[] event) throws IOException {
        length = 0;
        append(fixedHeaders);
        appendDigits(index, INDEX_DIGITS);
        appendAscii("\r\nLambda-Runtime-Deadline-Ms: ");
        appendDigits(deadlineMs, 13);
        appendAscii("\r\nContent-Length: ");
        appendDigits(event.length, digitCount(event.length));
        appendAscii("\r\n\r\n");
        append(event);
        out.write(buffer, 0, length);
    }

    /**
     * Reads the invocation index back from a path such as {@code .../invocation/<id>/response}.
     *
     * @param target the request target
     * @param idEnd the index just past the request id
     * @return the index, or -1 when the id is not one of ours
     */
    static int indexOf(String target, int idEnd) {
        int start = idEnd - INDEX_DIGITS;
        if (start < 0) {
            return -1;
        }
        int value = 0;
        for (int i = start; i < idEnd; i++) {
            int digit = target.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private void appendAscii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buffer[length++] = (byte) s.charAt(i);
        }
    }

    private void append(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    /** Appends {@code value} as exactly {@code digits} decimal digits, zero-padded. */
    private void appendDigits(long value, int digits) {
        ensure(digits);
        for (int i = length + digits - 1; i >= length; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += digits;
    }

    private static int digitCount(long value) {
        int digits = 1;
        while (value >= 10) {
            value /= 10;
            digits++;
        }
        return digits;
    }

    private void ensure(int n) {
        if (length + n > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + n));
        }
    }
}
