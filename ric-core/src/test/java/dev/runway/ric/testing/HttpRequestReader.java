package dev.runway.ric.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads HTTP/1.1 requests (Content-Length or chunked bodies) from one connection, for the test servers; each chunk
 * of a chunked body is also handed to a listener the moment it arrives.
 */
final class HttpRequestReader {

    /** One request: method, path, lower-cased headers, body (and trailers, merged into the headers). */
    record Request(String method, String path, Map<String, String> headers, byte[] body) {}

    private final InputStream in;
    private final java.util.function.Consumer<byte[]> chunkListener;

    HttpRequestReader(InputStream in, java.util.function.Consumer<byte[]> chunkListener) {
        this.in = in;
        this.chunkListener = chunkListener;
    }

    /** @return the next request, or {@code null} when the client closed the connection between requests */
    Request read() throws IOException {
        String requestLine = line();
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new ProtocolException("bad request line: " + requestLine);
        }
        Map<String, String> headers = headers();
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked(headers);
        } else {
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            body = in.readNBytes(length);
            if (body.length != length) {
                throw new ProtocolException("body ended early");
            }
        }
        return new Request(parts[0], parts[1], headers, body);
    }

    private Map<String, String> headers() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while ((line = line()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return headers;
    }

    private byte[] chunked(Map<String, String> headers) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line();
            if (sizeLine == null) {
                throw new ProtocolException("chunked body ended early");
            }
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                headers.putAll(headers());
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            chunkListener.accept(chunk); // as it arrives: a streamed response is seen before it ends
            body.write(chunk);
            line();
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }
}
