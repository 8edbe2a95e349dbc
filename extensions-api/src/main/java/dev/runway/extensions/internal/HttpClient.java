package dev.runway.extensions.internal;

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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A keep-alive HTTP/1.1 client for one local API over a plain socket, as ric-core's Runtime API connection:
 * no {@code java.net.http} (its executor threads and start-up cost), no read timeout (a {@code /event/next}
 * blocks until the platform has an event, and a frozen sandbox can outlive any timeout).
 *
 * <p>It speaks only what the Extensions and Telemetry APIs use: a request with a {@code Content-Length} body,
 * a response framed by {@code Content-Length}, chunked coding or the end of the connection. Unlike the
 * runtime's connection it keeps every response header, since extensions call it a few times per invocation,
 * not on the runtime's hot path. Not thread-safe: callers serialise their calls.
 */
public final class HttpClient implements Closeable {

    private static final int CONNECT_TIMEOUT_MS = 1_000;
    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final InetSocketAddress address;
    private volatile Socket socket;
    private InputStream in;
    private OutputStream out;

    /**
     * @param hostAndPort {@code AWS_LAMBDA_RUNTIME_API}: {@code host:port}
     */
    public HttpClient(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostAndPort.length() - 1) {
            throw new IllegalArgumentException("not a host:port: " + hostAndPort);
        }
        String host = hostAndPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        this.address = new InetSocketAddress(host, Integer.parseInt(hostAndPort.substring(colon + 1)));
    }

    /** An answer: the status, the headers with lower-case names, and the body. */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        /**
         * @param name a header name in lower case
         * @return its value, or {@code null}
         */
        public String header(String name) {
            return headers.get(name);
        }

        /** @return the body as UTF-8 text */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends one request and reads the whole answer. A connection the server closed while idle is reopened once.
     *
     * @param method the method
     * @param path the path, starting with {@code /}
     * @param headers extra request headers
     * @param body the body, or {@code null}
     * @return the answer
     * @throws IOException when the API cannot be reached or answers something that is not HTTP/1.x
     */
    public Response send(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
        boolean reused = socket != null;
        try {
            return exchange(method, path, headers, body);
        } catch (EOFException e) {
            if (!reused) {
                throw e;
            }
            // A keep-alive connection the server had closed: one fresh attempt.
            return exchange(method, path, headers, body);
        }
    }

    private Response exchange(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
        if (socket == null) {
            open();
        }
        try {
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(address.getHostString()).append(':').append(address.getPort()).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            int length = body == null ? 0 : body.length;
            if (body != null || !method.equals("GET")) {
                head.append("Content-Length: ").append(length).append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (length > 0) {
                out.write(body);
            }
            out.flush();
            Response response = readResponse();
            if ("close".equalsIgnoreCase(response.header("connection"))) {
                close();
            }
            return response;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        Socket s = new Socket(Proxy.NO_PROXY);
        try {
            s.setTcpNoDelay(true);
            s.connect(address, CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        in = new java.io.BufferedInputStream(s.getInputStream(), 8192);
        out = new java.io.BufferedOutputStream(s.getOutputStream(), 8192);
    }

    private Response readResponse() throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new EOFException("the API closed the connection before answering");
        }
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new ProtocolException("not an HTTP/1.x status line: " + statusLine);
        }
        int status;
        try {
            status = Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new ProtocolException("bad status line: " + statusLine);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        int headBytes = statusLine.length();
        String line;
        while ((line = readLine()) != null && !line.isEmpty()) {
            headBytes += line.length();
            if (headBytes > MAX_HEAD_BYTES) {
                throw new ProtocolException("response head larger than " + MAX_HEAD_BYTES + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new ProtocolException("malformed header line: " + line);
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        if (line == null) {
            throw new EOFException("the API closed the connection inside the response head");
        }
        return new Response(status, headers, readBody(status, headers));
    }

    private byte[] readBody(int status, Map<String, String> headers) throws IOException {
        String transfer = headers.get("transfer-encoding");
        if (transfer != null && transfer.toLowerCase(Locale.ROOT).contains("chunked")) {
            return readChunked();
        }
        String length = headers.get("content-length");
        if (length != null) {
            int n;
            try {
                n = Integer.parseInt(length.trim());
            } catch (NumberFormatException e) {
                throw new ProtocolException("bad Content-Length: " + length);
            }
            if (n < 0) {
                throw new ProtocolException("negative Content-Length");
            }
            byte[] body = in.readNBytes(n);
            if (body.length < n) {
                throw new EOFException("the API closed the connection inside a body");
            }
            return body;
        }
        if (status == 204 || status == 304 || status < 200) {
            return new byte[0];
        }
        headers.put("connection", "close");
        return in.readAllBytes();
    }

    private byte[] readChunked() throws IOException {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            if (sizeLine == null) {
                throw new EOFException("the API closed the connection inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
            } catch (NumberFormatException e) {
                throw new ProtocolException("bad chunk size line: " + sizeLine);
            }
            if (size == 0) {
                String trailer;
                while ((trailer = readLine()) != null && !trailer.isEmpty()) {
                    // trailers are not used by these APIs
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) {
                throw new EOFException("the API closed the connection inside a chunk");
            }
            body.write(chunk);
            String crlf = readLine();
            if (crlf == null || !crlf.isEmpty()) {
                throw new ProtocolException("chunk not followed by CRLF");
            }
        }
    }

    /** @return one CRLF-terminated line without its end, or {@code null} at the end of the stream */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.isEmpty() ? null : line.toString();
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() > MAX_HEAD_BYTES) {
                throw new ProtocolException("response line longer than " + MAX_HEAD_BYTES + " bytes");
            }
            line.append((char) b);
        }
    }

    /**
     * Closes the socket from another thread, so that a call blocked on it fails with an {@link IOException};
     * that call then releases the rest.
     */
    public void abort() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    /** Closes the connection; only from the thread that makes the calls (others: {@link #abort()}). */
    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        in = null;
        out = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
