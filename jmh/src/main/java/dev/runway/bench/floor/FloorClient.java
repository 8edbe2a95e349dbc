package dev.runway.bench.floor;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.ParameterizedType;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The floor: the least a Java Lambda client can do, against which Runway's overheads are measured.
 *
 * <p>One class, no framework: a hand-rolled HTTP/1.1 keep-alive loop on one socket, the handler loaded from the
 * application class path by name, and for a {@code RequestHandler} a plain {@code new ObjectMapper()}. It reads
 * only the two headers it needs, handles no errors, no retries, no chunked bodies, no multi-concurrency and no
 * trace ids: anything Runway spends beyond this is the price of doing those things, and should be small.
 * It is its own {@link Context} and {@link LambdaLogger} so that it stays one class.
 *
 * <p>{@code java -cp <this>:<task root>:<core and Jackson jars> dev.runway.bench.floor.FloorClient pkg.Handler}
 * with {@code AWS_LAMBDA_RUNTIME_API} set. The JMH benchmark also drives {@link #next()} and {@link #respond}
 * directly.
 */
public final class FloorClient implements Context, LambdaLogger, Closeable {

    private static final byte[] NEXT_PATH = ascii("GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: ");
    private static final byte[] REQUEST_ID = ascii("lambda-runtime-aws-request-id:");
    private static final byte[] DEADLINE = ascii("lambda-runtime-deadline-ms:");
    private static final byte[] CONTENT_LENGTH = ascii("content-length:");

    private final String hostAndPort;
    private final byte[] nextRequest;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] readBuffer = new byte[64 * 1024];
    private int readPos;
    private int readLimit;
    private byte[] sendBuffer = new byte[16 * 1024];
    private byte[] body = new byte[16 * 1024];
    private int bodyLength;
    private String requestId;
    private long deadlineMs;

    private FloorClient(String hostAndPort) throws IOException {
        this.hostAndPort = hostAndPort;
        this.nextRequest = concat(NEXT_PATH, ascii(hostAndPort + "\r\n\r\n"));
        int colon = hostAndPort.lastIndexOf(':');
        this.socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(hostAndPort.substring(0, colon),
                Integer.parseInt(hostAndPort.substring(colon + 1))));
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Connects to the Runtime API.
     *
     * @param hostAndPort {@code host:port}, as in {@code AWS_LAMBDA_RUNTIME_API}
     * @return the connected client
     * @throws IOException when the connection fails
     */
    public static FloorClient connect(String hostAndPort) throws IOException {
        return new FloorClient(hostAndPort);
    }

    /**
     * Serves invocations until the process is killed.
     *
     * @param args the handler class name
     * @throws Exception whatever goes wrong: the floor has no error handling
     */
    public static void main(String[] args) throws Exception {
        FloorClient client = connect(System.getenv("AWS_LAMBDA_RUNTIME_API"));
        Object handler = Class.forName(args[0]).getDeclaredConstructor().newInstance();
        if (handler instanceof RequestStreamHandler stream) {
            client.serveStream(stream);
        } else {
            client.servePojo((RequestHandler<?, ?>) handler);
        }
    }

    private void serveStream(RequestStreamHandler handler) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream(8 * 1024);
        while (true) {
            String id = next();
            response.reset();
            handler.handleRequest(new ByteArrayInputStream(body, 0, bodyLength), response, this);
            respond(id, response.toByteArray(), response.size());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void servePojo(RequestHandler handler) throws IOException {
        // The input type, as the managed runtime finds it, for a handler that implements RequestHandler directly.
        Class<?> inputType = (Class<?>) ((ParameterizedType) handler.getClass().getGenericInterfaces()[0])
                .getActualTypeArguments()[0];
        ObjectMapper mapper = new ObjectMapper();
        while (true) {
            String id = next();
            Object input = mapper.readValue(body, 0, bodyLength, inputType);
            byte[] response = mapper.writeValueAsBytes(handler.handleRequest(input, this));
            respond(id, response, response.length);
        }
    }

    /**
     * Sends {@code /next} and reads the event.
     *
     * @return the request id; the payload is then in {@link #body()}
     * @throws IOException when the connection fails
     */
    public String next() throws IOException {
        out.write(nextRequest);
        requestId = null;
        deadlineMs = 0;
        long contentLength = readHead();
        readBody((int) contentLength);
        return requestId;
    }

    /** @return the buffer holding the last event; its first {@link #bodyLength()} bytes are the payload */
    public byte[] body() {
        return body;
    }

    /** @return the size of the last event */
    public int bodyLength() {
        return bodyLength;
    }

    /**
     * Posts a response and reads the platform's answer.
     *
     * @param id the request id
     * @param payload the response bytes
     * @param length how many of them
     * @throws IOException when the connection fails
     */
    public void respond(String id, byte[] payload, int length) throws IOException {
        byte[] head = ascii("POST /2018-06-01/runtime/invocation/" + id + "/response HTTP/1.1\r\nHost: " + hostAndPort
                + "\r\nContent-Length: " + length + "\r\n\r\n");
        if (head.length + length > sendBuffer.length) {
            sendBuffer = new byte[head.length + length];
        }
        // One write, so the request leaves in one segment.
        System.arraycopy(head, 0, sendBuffer, 0, head.length);
        System.arraycopy(payload, 0, sendBuffer, head.length, length);
        out.write(sendBuffer, 0, head.length + length);
        readBody((int) readHead());
    }

    /**
     * Closes the connection.
     *
     * @throws IOException when closing fails
     */
    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Reads a response head; remembers the request id and deadline; returns the content length. */
    private long readHead() throws IOException {
        long contentLength = 0;
        int lineEnd = lineEnd(); // status line: a 2xx is assumed, the floor checks nothing
        readPos = lineEnd + 2;
        while ((lineEnd = lineEnd()) > readPos) {
            if (startsWith(CONTENT_LENGTH, lineEnd)) {
                contentLength = Long.parseLong(value(CONTENT_LENGTH, lineEnd));
            } else if (startsWith(REQUEST_ID, lineEnd)) {
                requestId = value(REQUEST_ID, lineEnd);
            } else if (startsWith(DEADLINE, lineEnd)) {
                deadlineMs = Long.parseLong(value(DEADLINE, lineEnd));
            }
            readPos = lineEnd + 2;
        }
        readPos = lineEnd + 2;
        return contentLength;
    }

    private void readBody(int length) throws IOException {
        if (length > body.length) {
            body = new byte[length];
        }
        int buffered = Math.min(length, readLimit - readPos);
        System.arraycopy(readBuffer, readPos, body, 0, buffered);
        readPos += buffered;
        for (int done = buffered; done < length; ) {
            int n = in.read(body, done, length - done);
            if (n < 0) {
                throw new EOFException();
            }
            done += n;
        }
        bodyLength = length;
    }

    /** Buffers a whole line from {@link #readPos}; returns the index of its CR. */
    private int lineEnd() throws IOException {
        while (true) {
            for (int i = readPos; i + 1 < readLimit; i++) {
                if (readBuffer[i] == '\r' && readBuffer[i + 1] == '\n') {
                    return i;
                }
            }
            if (readPos > 0) {
                System.arraycopy(readBuffer, readPos, readBuffer, 0, readLimit - readPos);
                readLimit -= readPos;
                readPos = 0;
            }
            int n = in.read(readBuffer, readLimit, readBuffer.length - readLimit);
            if (n < 0) {
                throw new EOFException();
            }
            readLimit += n;
        }
    }

    private boolean startsWith(byte[] lowerName, int lineEnd) {
        if (lineEnd - readPos < lowerName.length) {
            return false;
        }
        for (int i = 0; i < lowerName.length; i++) {
            int b = readBuffer[readPos + i];
            if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != lowerName[i]) {
                return false;
            }
        }
        return true;
    }

    private String value(byte[] name, int lineEnd) {
        return new String(readBuffer, readPos + name.length, lineEnd - readPos - name.length, StandardCharsets.ISO_8859_1)
                .trim();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    // Context: what a handler may read. The floor fills only the request id and the deadline from the event.

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return System.getenv("AWS_LAMBDA_LOG_GROUP_NAME");
    }

    @Override
    public String getLogStreamName() {
        return System.getenv("AWS_LAMBDA_LOG_STREAM_NAME");
    }

    @Override
    public String getFunctionName() {
        return System.getenv("AWS_LAMBDA_FUNCTION_NAME");
    }

    @Override
    public String getFunctionVersion() {
        return System.getenv("AWS_LAMBDA_FUNCTION_VERSION");
    }

    @Override
    public String getInvokedFunctionArn() {
        return null;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMs - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return 512;
    }

    @Override
    public LambdaLogger getLogger() {
        return this;
    }

    // LambdaLogger: straight to standard output.

    @Override
    public void log(String message) {
        System.out.print(message);
    }

    @Override
    public void log(byte[] message) {
        System.out.write(message, 0, message.length);
    }
}
