package dev.runway.bench.concurrency;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 keep-alive client for the invoke endpoint: one socket, one request at a time, the request
 * written in one {@code write}, {@code Content-Length} bodies only (what the platform answers a buffered invoke
 * with). The benchmark's own cost per invoke stays a few microseconds, so what it measures is the platform and
 * the runtime, not an HTTP library.
 */
final class InvokeClient implements Closeable {

    /** An answer: status, the platform's {@code X-Amzn-RequestId} header, and the body. */
    record Answer(int status, String requestId, String body) {}

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] head;

    InvokeClient(int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port));
        in = new BufferedInputStream(socket.getInputStream(), 8192);
        out = socket.getOutputStream();
        head = ("POST /2015-03-31/functions/function/invocations HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
    }

    Answer invoke(byte[] event) throws IOException {
        byte[] length = (event.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + length.length + event.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(length, 0, request, head.length, length.length);
        System.arraycopy(event, 0, request, head.length + length.length, event.length);
        out.write(request);
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        int contentLength = -1;
        String requestId = null;
        for (String header; !(header = line()).isEmpty(); ) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                contentLength = Integer.parseInt(header.substring(15).trim());
            } else if (lower.startsWith("x-amzn-requestid:")) {
                requestId = header.substring(17).trim();
            }
        }
        if (contentLength < 0) {
            throw new IOException("no Content-Length in the answer (" + status + ")");
        }
        byte[] body = in.readNBytes(contentLength);
        return new Answer(code, requestId, new String(body, StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("the platform closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
