package dev.runway.wire.internal.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;

/**
 * A plain TCP socket: no proxy, {@code TCP_NODELAY}, keep-alive, no read timeout. A class rather than a lambda: it
 * is made on every cold start, where a lambda would bootstrap the lambda machinery first.
 */
final class SocketConnector implements Connector {

    /** How long a connect to a non-loopback address may take. */
    private static final int CONNECT_TIMEOUT_MS = 1_000;

    private final InetSocketAddress address;

    SocketConnector(InetSocketAddress address) {
        this.address = address;
    }

    @Override
    public Transport open() throws IOException {
        // No proxy, whatever the environment says: a Lambda API is a local address, and the plain constructor's
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
            return new Transport(s.getInputStream(), s.getOutputStream(), s);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }
}
