package dev.runway.ric.internal.logging;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of one record, encoded in place: a reused array that starts with room for the 16-byte frame header,
 * so that a frame leaves in one {@code write} call and a warm logger allocates nothing for it.
 *
 * <p>Text is encoded to UTF-8 here, into this array, rather than with {@code String.getBytes}, which would
 * allocate an array per record. Not thread-safe: the {@link RecordWriter} that owns a buffer uses it under its
 * lock.
 */
final class FrameBuffer {

    /** Bytes reserved at the start for the frame header. */
    static final int HEADER_BYTES = 16;
    /** Buffers grown past this by a large record are given back afterwards, not kept for the process's life. */
    private static final int RETAINED_CAPACITY = 64 * 1024;
    private static final int INITIAL_CAPACITY = 4 * 1024;

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes = new byte[INITIAL_CAPACITY];
    private char[] scratch = new char[INITIAL_CAPACITY];
    private int size = HEADER_BYTES;
    /** For {@link #appendUtf8(CharSequence, int)}, made on first use and kept: views of the arrays above. */
    private CharsetEncoder utf8;
    private CharBuffer charView;
    private ByteBuffer byteView;

    /** Starts a new record: empties the payload, keeps the header room. */
    void reset() {
        if (bytes.length > RETAINED_CAPACITY) {
            bytes = new byte[INITIAL_CAPACITY];
        }
        if (scratch.length > RETAINED_CAPACITY) {
            scratch = new char[INITIAL_CAPACITY];
        }
        size = HEADER_BYTES;
    }

    byte[] array() {
        return bytes;
    }

    /** @return the end of the payload: the payload is {@code [HEADER_BYTES, size())} */
    int size() {
        return size;
    }

    int payloadLength() {
        return size - HEADER_BYTES;
    }

    /** Writes the frame header in front of the payload. */
    void putHeader(int type, long timestampMicros) {
        INT.set(bytes, 0, type);
        INT.set(bytes, 4, payloadLength());
        LONG.set(bytes, 8, timestampMicros);
    }

    byte byteAt(int index) {
        return bytes[index];
    }

    /** Cuts the payload back to end at {@code newSize}, such as before a line terminator. */
    void truncate(int newSize) {
        size = newSize;
    }

    void append(byte b) {
        ensure(1);
        bytes[size++] = b;
    }

    void append(byte[] b) {
        append(b, 0, b.length);
    }

    void append(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    /** Appends a non-negative number of at most {@code width} digits, zero-padded to that width. */
    void appendPadded(int value, int width) {
        ensure(width);
        for (int i = size + width - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += width;
    }

    /** Appends {@code s} in UTF-8; a lone surrogate becomes {@code '?'}, as {@code String.getBytes} does. */
    void appendUtf8(CharSequence s) {
        appendUtf8(s, s.length());
    }

    /**
     * Appends the first {@code n} chars of {@code s} in UTF-8. The JDK's UTF-8 encoder does it, from the scratch
     * array into this one: on arrays it encodes the ASCII prefix of the text with a vectorized intrinsic, several
     * times faster than a loop over the chars, and it writes a lone surrogate as {@code '?'}.
     */
    void appendUtf8(CharSequence s, int n) {
        char[] c = chars(s, n);
        ensure(3L * n);
        if (charView == null || charView.array() != c) {
            charView = CharBuffer.wrap(c);
        }
        if (byteView == null || byteView.array() != bytes) {
            byteView = ByteBuffer.wrap(bytes);
        }
        if (utf8 == null) {
            utf8 = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
        }
        CharBuffer in = charView.clear().limit(n);
        ByteBuffer out = byteView.clear().position(size);
        // Room for 3 bytes a char was ensured, so the whole input fits.
        utf8.reset().encode(in, out, true);
        size = out.position();
    }

    /** Appends {@code s} as a quoted JSON string; a lone surrogate is escaped, since UTF-8 cannot carry it. */
    void appendJsonString(CharSequence s) {
        appendJsonString(s, s.length());
    }

    /** Appends the first {@code n} chars of {@code s} as a quoted JSON string. */
    void appendJsonString(CharSequence s, int n) {
        char[] c = chars(s, n);
        ensure(6L * n + 2);
        byte[] b = bytes;
        int p = size;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char ch = c[i];
            if (ch >= 0x20 && ch < 0x80) {
                if (ch == '"' || ch == '\\') {
                    b[p++] = '\\';
                }
                b[p++] = (byte) ch;
            } else if (ch < 0x20) {
                p = escapeControl(b, p, ch);
            } else if (ch < 0x800) {
                b[p++] = (byte) (0xc0 | ch >> 6);
                b[p++] = (byte) (0x80 | ch & 0x3f);
            } else if (Character.isSurrogate(ch)) {
                if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(c[i + 1])) {
                    p = appendCodePoint(b, p, Character.toCodePoint(ch, c[++i]));
                } else {
                    p = escapeUnicode(b, p, ch);
                }
            } else {
                b[p++] = (byte) (0xe0 | ch >> 12);
                b[p++] = (byte) (0x80 | ch >> 6 & 0x3f);
                b[p++] = (byte) (0x80 | ch & 0x3f);
            }
        }
        b[p++] = '"';
        size = p;
    }

    /**
     * The first {@code n} chars of {@code s} in the reused scratch array. {@code String.getChars} copies them in
     * bulk (an intrinsic for the usual Latin-1 strings), which is faster than {@code charAt} char by char.
     */
    private char[] chars(CharSequence s, int n) {
        if (scratch.length < n) {
            scratch = new char[Math.max(n, scratch.length * 2)];
        }
        if (s instanceof String string) {
            string.getChars(0, n, scratch, 0);
        } else {
            for (int i = 0; i < n; i++) {
                scratch[i] = s.charAt(i);
            }
        }
        return scratch;
    }

    private static int appendCodePoint(byte[] b, int p, int cp) {
        b[p++] = (byte) (0xf0 | cp >> 18);
        b[p++] = (byte) (0x80 | cp >> 12 & 0x3f);
        b[p++] = (byte) (0x80 | cp >> 6 & 0x3f);
        b[p++] = (byte) (0x80 | cp & 0x3f);
        return p;
    }

    /**
     * Appends UTF-8 bytes as a quoted JSON string. Multi-byte sequences are copied as they are: only quotes,
     * backslashes and control characters need escaping, and none of them occurs inside a UTF-8 sequence.
     */
    void appendJsonString(byte[] src, int off, int len) {
        ensure(6L * len + 2);
        byte[] b = bytes;
        int p = size;
        b[p++] = '"';
        for (int i = off, end = off + len; i < end; i++) {
            byte c = src[i];
            if (c == '"' || c == '\\') {
                b[p++] = '\\';
                b[p++] = c;
            } else if (c >= 0 && c < 0x20) {
                p = escapeControl(b, p, (char) c);
            } else {
                b[p++] = c;
            }
        }
        b[p++] = '"';
        size = p;
    }

    private static int escapeControl(byte[] b, int p, char c) {
        b[p++] = '\\';
        switch (c) {
            case '\n' -> b[p++] = 'n';
            case '\r' -> b[p++] = 'r';
            case '\t' -> b[p++] = 't';
            case '\b' -> b[p++] = 'b';
            case '\f' -> b[p++] = 'f';
            default -> {
                return escapeUnicode(b, p - 1, c);
            }
        }
        return p;
    }

    private static int escapeUnicode(byte[] b, int p, char c) {
        b[p++] = '\\';
        b[p++] = 'u';
        b[p++] = HEX[c >> 12 & 0xf];
        b[p++] = HEX[c >> 8 & 0xf];
        b[p++] = HEX[c >> 4 & 0xf];
        b[p++] = HEX[c & 0xf];
        return p;
    }

    private void ensure(long more) {
        long needed = size + more;
        if (needed > bytes.length) {
            if (needed > Integer.MAX_VALUE - 8) {
                throw new OutOfMemoryError("log record too large: " + needed + " bytes");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.max(needed, Math.min((long) bytes.length * 2, Integer.MAX_VALUE - 8)));
        }
    }
}
