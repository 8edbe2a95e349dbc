package dev.runway.bootstrap.local.internal.telemetry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * A TCP subscriber: one connection to {@code 127.0.0.1:port}, each event one line of JSON, as Lambda sends them.
 * A connection that failed, or that the subscriber closed, is replaced by a new one at the next try.
 */
final class TcpDestination implements Destination {

    private final int port;
    /** Used by one sending thread at a time; volatile for {@link #close()} from another. */
    private volatile SocketChannel channel;

    TcpDestination(int port) {
        this.port = port;
    }

    @Override
    public void send(List<byte[]> events) throws IOException {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (byte[] event : events) {
            lines.write(event);
            lines.write('\n');
        }
        ByteBuffer out = ByteBuffer.wrap(lines.toByteArray());
        try {
            SocketChannel connection = connection();
            while (out.hasRemaining()) {
                connection.write(out);
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private SocketChannel connection() throws IOException {
        SocketChannel current = channel;
        if (current != null && closedByPeer(current)) {
            close();
            current = null;
        }
        if (current == null) {
            current = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            channel = current;
        }
        return current;
    }

    /**
     * Whether the subscriber closed its end. Checked before each write because a write to a closed peer seems to
     * succeed (the kernel takes it) and is lost; only the next one fails. The subscriber sends nothing, so
     * anything readable is discarded.
     */
    private static boolean closedByPeer(SocketChannel connection) {
        try {
            connection.configureBlocking(false);
            try {
                ByteBuffer sink = ByteBuffer.allocate(512);
                int n;
                while ((n = connection.read(sink)) > 0) {
                    sink.clear();
                }
                return n < 0;
            } finally {
                connection.configureBlocking(true);
            }
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        SocketChannel current = channel;
        channel = null;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
