package dev.runway.ric.internal.api;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One keep-alive HTTP/1.1 connection to the Runtime API over a plain socket.
 *
 * <p>It speaks just the part of HTTP/1.1 the Runtime API uses: a request with a {@code Content-Length} body,
 * and a response framed by {@code Content-Length}, chunked transfer coding or the end of the connection. Of the
 * response headers it keeps only those listed in {@link ResponseHeader}, without allocating for the others.
 * There is no read timeout: {@code /next} blocks until the platform has an event, and a frozen sandbox can
 * outlive any timeout. The connection reopens itself after the server closed it.
 *
 * <p>Not thread-safe: each loop owns one connection.
 */
final class HttpConnection implements Closeable {

    private static final int CONNECT_TIMEOUT_MS = 1_000;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final int COALESCE_LIMIT = 64 * 1024;
    /** The longest status or header line accepted; Lambda's largest header (client context) is far smaller. */
    private static final int MAX_HEADER_LINE = 16 * 1024;
    /** The most header lines a response may have; Lambda sends about ten. */
    static final int MAX_HEADER_LINES = 256;
    /**
     * The largest response body accepted: far above any event Lambda hands out (6 MiB), far below the heap a
     * lying {@code Content-Length} could otherwise claim.
     */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;
    /** A declared body up to this size is allocated at once; a larger one grows as its bytes actually arrive. */
    private static final int TRUSTED_BODY_BYTES = 1024 * 1024;

    private final InetSocketAddress address;
    private final byte[] readBuffer = new byte[MAX_HEADER_LINE];
    private final byte[] writeBuffer = new byte[COALESCE_LIMIT];
    private final String[] headers = new String[ResponseHeader.COUNT];
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int readPos;
    private int readLimit;
    private int status;
    private boolean statusReceived;
    private boolean closeAfterResponse;

    HttpConnection(InetSocketAddress address) {
        this.address = address;
    }

    /**
     * Sends one request and reads the response head and body.
     *
     * @param head the request line and headers, ending with the empty line
     * @param body the body, may be {@code null}
     * @param bodyLength how many bytes of {@code body} to send
     * @return the response body; the status and headers are then read with {@link #status()} and {@link #header}
     * @throws IOException when the connection fails or the response is not HTTP/1.1
     */
    byte[] exchange(byte[] head, int headLength, byte[] body, int bodyLength) throws IOException {
        if (socket == null) {
            open();
        }
        statusReceived = false;
        try {
            send(head, headLength, body, bodyLength);
            readHead();
            byte[] responseBody = readBody();
            if (closeAfterResponse) {
                close();
            }
            return responseBody;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Sends the head of a request whose body follows as chunks ({@code Transfer-Encoding: chunked}).
     *
     * @throws IOException when the connection fails; nothing can be retried past this point
     */
    void startChunked(byte[] head, int headLength) throws IOException {
        if (socket == null) {
            open();
        }
        try {
            out.write(head, 0, headLength);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** Sends one chunk, in one write when it fits the write buffer, and flushes it to the network. */
    void writeChunk(byte[] data, int offset, int length) throws IOException {
        if (length == 0) {
            return; // a zero-length chunk would end the body
        }
        requireOpen();
        try {
            int n = appendChunkSize(length);
            if (n + length + 2 <= COALESCE_LIMIT) {
                System.arraycopy(data, offset, writeBuffer, n, length);
                writeBuffer[n + length] = '\r';
                writeBuffer[n + length + 1] = '\n';
                out.write(writeBuffer, 0, n + length + 2);
            } else {
                out.write(writeBuffer, 0, n);
                out.write(data, offset, length);
                out.write(CRLF);
            }
            out.flush();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /**
     * Ends a chunked body, with trailer fields when there are any, and reads the response.
     *
     * @param trailers the trailer lines, each ending with CRLF, or an empty string
     * @return the response body
     */
    byte[] finishChunked(String trailers) throws IOException {
        requireOpen();
        try {
            byte[] end = ("0\r\n" + trailers + "\r\n").getBytes(StandardCharsets.US_ASCII);
            out.write(end);
            out.flush();
            statusReceived = false;
            readHead();
            byte[] responseBody = readBody();
            if (closeAfterResponse) {
                close();
            }
            return responseBody;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A streamed body cannot continue on a new connection: once this one failed, the stream has failed. */
    private void requireOpen() throws IOException {
        if (socket == null) {
            throw new IOException("the connection to the Runtime API was lost during a streamed response");
        }
    }

    /** Writes {@code <hex size>CRLF} at the start of the write buffer; returns its length. */
    private int appendChunkSize(int size) {
        String hex = Integer.toHexString(size);
        int n = 0;
        for (int i = 0; i < hex.length(); i++) {
            writeBuffer[n++] = (byte) hex.charAt(i);
        }
        writeBuffer[n++] = '\r';
        writeBuffer[n++] = '\n';
        return n;
    }

    int status() {
        return status;
    }

    /**
     * @return whether the last exchange got as far as the status line: the server then took the request, and it
     *     must not be sent again even if the rest of the response was lost
     */
    boolean statusReceived() {
        return statusReceived;
    }

    String header(ResponseHeader name) {
        return headers[name.ordinal()];
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        in = null;
        out = null;
        readPos = 0;
        readLimit = 0;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    private void open() throws IOException {
        // No proxy, whatever the environment says: the Runtime API is a local address, and the plain constructor's
        // SOCKS layer would consult the proxy selector on every connect (and load it on a cold start).
        Socket s = new Socket(Proxy.NO_PROXY);
        try {
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            if (address.getAddress() != null && address.getAddress().isLoopbackAddress()) {
                // Loopback (Lambda, the RIE, local mode) connects or is refused at once. A timed connect would put
                // the socket in non-blocking mode for good, and every read after it would cost two more system
                // calls (a read that finds nothing, then a poll) on each invocation's path.
                s.connect(address);
            } else {
                s.connect(address, CONNECT_TIMEOUT_MS);
            }
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
    }

    private void send(byte[] head, int headLength, byte[] body, int bodyLength) throws IOException {
        if (headLength + bodyLength <= COALESCE_LIMIT) {
            // One write, so a small request leaves in one segment despite TCP_NODELAY.
            System.arraycopy(head, 0, writeBuffer, 0, headLength);
            if (bodyLength > 0) {
                System.arraycopy(body, 0, writeBuffer, headLength, bodyLength);
            }
            out.write(writeBuffer, 0, headLength + bodyLength);
        } else {
            out.write(head, 0, headLength);
            out.write(body, 0, bodyLength);
        }
        out.flush();
    }

    private void readHead() throws IOException {
        Arrays.fill(headers, null);
        closeAfterResponse = false;
        int lineEnd = readLine();
        if (lineEnd < 0) {
            throw new EOFException("the Runtime API closed the connection before answering");
        }
        status = parseStatusLine(lineEnd);
        statusReceived = true;
        int lines = 0;
        while ((lineEnd = readLine()) > readPos) {
            if (++lines > MAX_HEADER_LINES) {
                throw new ProtocolException("more than " + MAX_HEADER_LINES + " response header lines");
            }
            parseHeaderLine(lineEnd);
            readPos = lineEnd + 2;
        }
        if (lineEnd < 0) {
            throw new EOFException("the Runtime API closed the connection inside the response head");
        }
        readPos = lineEnd + 2;
        String connection = headers[ResponseHeader.CONNECTION.ordinal()];
        closeAfterResponse = connection != null && connection.equalsIgnoreCase("close");
    }

    /** Status line {@code HTTP/1.1 200 OK}: the code is the three digits after the first space. */
    private int parseStatusLine(int lineEnd) throws ProtocolException {
        int start = readPos;
        if (lineEnd - start < 12 || readBuffer[start] != 'H' || readBuffer[start + 8] != ' ') {
            throw new ProtocolException("not an HTTP/1.x status line: " + ascii(start, lineEnd));
        }
        if (readBuffer[start + 7] == '0') {
            closeAfterResponse = true; // HTTP/1.0 closes unless told otherwise
        }
        int code = 0;
        for (int i = start + 9; i < start + 12; i++) {
            int digit = readBuffer[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new ProtocolException("bad status code: " + ascii(start, lineEnd));
            }
            code = code * 10 + digit;
        }
        readPos = lineEnd + 2;
        return code;
    }

    private void parseHeaderLine(int lineEnd) throws ProtocolException {
        int colon = -1;
        for (int i = readPos; i < lineEnd; i++) {
            if (readBuffer[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon <= readPos) {
            throw new ProtocolException("malformed header line: " + ascii(readPos, lineEnd));
        }
        ResponseHeader known = ResponseHeader.match(readBuffer, readPos, colon - readPos);
        if (known == null) {
            return;
        }
        int valueStart = colon + 1;
        int valueEnd = lineEnd;
        while (valueStart < valueEnd && (readBuffer[valueStart] == ' ' || readBuffer[valueStart] == '\t')) {
            valueStart++;
        }
        while (valueEnd > valueStart && (readBuffer[valueEnd - 1] == ' ' || readBuffer[valueEnd - 1] == '\t')) {
            valueEnd--;
        }
        headers[known.ordinal()] = new String(readBuffer, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
    }

    private byte[] readBody() throws IOException {
        String transferEncoding = headers[ResponseHeader.TRANSFER_ENCODING.ordinal()];
        if (transferEncoding != null && transferEncoding.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
            return readChunked();
        }
        String length = headers[ResponseHeader.CONTENT_LENGTH.ordinal()];
        if (length != null) {
            long n;
            try {
                n = Long.parseLong(length);
            } catch (NumberFormatException e) {
                throw new ProtocolException("bad Content-Length: " + length);
            }
            if (n < 0 || n > MAX_BODY_BYTES) {
                throw new ProtocolException("unsupported Content-Length: " + length);
            }
            return readDeclared((int) n);
        }
        if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
            return new byte[0];
        }
        // No framing: the body runs to the end of the connection.
        closeAfterResponse = true;
        return readToEnd();
    }

    /**
     * Reads a body of declared length. Past {@link #TRUSTED_BODY_BYTES} the array grows with the bytes that came,
     * so a declared length the server does not send costs no more memory than what it did send.
     */
    private byte[] readDeclared(int length) throws IOException {
        if (length <= TRUSTED_BODY_BYTES) {
            byte[] body = new byte[length];
            readFully(body, 0, length);
            return body;
        }
        byte[] body = new byte[TRUSTED_BODY_BYTES];
        int done = 0;
        while (done < length) {
            if (done == body.length) {
                body = Arrays.copyOf(body, (int) Math.min(length, (long) body.length * 2));
            }
            int n = Math.min(body.length, length) - done;
            readFully(body, done, n);
            done += n;
        }
        return body;
    }

    private byte[] readChunked() throws IOException {
        byte[] body = new byte[0];
        int size = 0;
        while (true) {
            int lineEnd = readLine();
            if (lineEnd < 0) {
                throw new EOFException("the Runtime API closed the connection inside a chunked body");
            }
            int chunk = parseChunkSize(lineEnd);
            readPos = lineEnd + 2;
            if (chunk == 0) {
                skipTrailers();
                return size == body.length ? body : Arrays.copyOf(body, size);
            }
            if ((long) size + chunk > MAX_BODY_BYTES) {
                throw new ProtocolException("chunked body larger than " + MAX_BODY_BYTES + " bytes");
            }
            if (size + chunk > body.length) {
                body = Arrays.copyOf(body, Math.max(size + chunk, body.length * 2));
            }
            readFully(body, size, chunk);
            size += chunk;
            int crlf = readLine();
            if (crlf != readPos) {
                throw new ProtocolException("chunk not followed by CRLF");
            }
            readPos = crlf + 2;
        }
    }

    private int parseChunkSize(int lineEnd) throws ProtocolException {
        long value = 0;
        int i = readPos;
        for (; i < lineEnd; i++) {
            int digit = Character.digit(readBuffer[i], 16);
            if (digit < 0) {
                break; // chunk extensions follow
            }
            value = value * 16 + digit;
            if (value > Integer.MAX_VALUE - 8) {
                throw new ProtocolException("chunk too large");
            }
        }
        if (i == readPos) {
            throw new ProtocolException("bad chunk size line: " + ascii(readPos, lineEnd));
        }
        return (int) value;
    }

    private void skipTrailers() throws IOException {
        int lineEnd;
        int lines = 0;
        while ((lineEnd = readLine()) > readPos) {
            if (++lines > MAX_HEADER_LINES) {
                throw new ProtocolException("more than " + MAX_HEADER_LINES + " trailer lines");
            }
            readPos = lineEnd + 2;
        }
        if (lineEnd < 0) {
            throw new EOFException("the Runtime API closed the connection inside the trailers");
        }
        readPos = lineEnd + 2;
    }

    /**
     * Makes sure a whole line is buffered from {@link #readPos}.
     *
     * @return the index of its CR, or -1 at the end of the stream before any line
     */
    private int readLine() throws IOException {
        int scanFrom = readPos;
        while (true) {
            for (int i = scanFrom; i + 1 < readLimit; i++) {
                if (readBuffer[i] == '\r' && readBuffer[i + 1] == '\n') {
                    return i;
                }
            }
            scanFrom = Math.max(readPos, readLimit - 1);
            if (readPos > 0) {
                int shift = readPos;
                System.arraycopy(readBuffer, readPos, readBuffer, 0, readLimit - readPos);
                readLimit -= shift;
                readPos = 0;
                scanFrom -= shift;
            }
            if (readLimit == readBuffer.length) {
                throw new ProtocolException("response header line longer than " + MAX_HEADER_LINE + " bytes");
            }
            int n = in.read(readBuffer, readLimit, readBuffer.length - readLimit);
            if (n < 0) {
                return -1;
            }
            readLimit += n;
        }
    }

    private void readFully(byte[] target, int offset, int length) throws IOException {
        int buffered = Math.min(length, readLimit - readPos);
        System.arraycopy(readBuffer, readPos, target, offset, buffered);
        readPos += buffered;
        int done = buffered;
        while (done < length) {
            int n = in.read(target, offset + done, length - done);
            if (n < 0) {
                throw new EOFException("the Runtime API closed the connection inside a body");
            }
            done += n;
        }
    }

    private byte[] readToEnd() throws IOException {
        byte[] rest = in.readNBytes(MAX_BODY_BYTES + 1 - (readLimit - readPos));
        if (rest.length + readLimit - readPos > MAX_BODY_BYTES) {
            throw new ProtocolException("response body larger than " + MAX_BODY_BYTES + " bytes");
        }
        byte[] body = new byte[readLimit - readPos + rest.length];
        System.arraycopy(readBuffer, readPos, body, 0, readLimit - readPos);
        System.arraycopy(rest, 0, body, readLimit - readPos, rest.length);
        readPos = readLimit;
        return body;
    }

    private String ascii(int from, int to) {
        return new String(readBuffer, from, Math.min(to - from, 200), StandardCharsets.ISO_8859_1);
    }
}
