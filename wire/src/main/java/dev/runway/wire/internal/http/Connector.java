package dev.runway.wire.internal.http;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Opens the byte streams a connection speaks over: a socket in production, scripted streams in the byte-level
 * tests (which then exercise every line of framing without a network).
 */
@FunctionalInterface
public interface Connector {

    /**
     * @return a freshly opened transport
     * @throws IOException when the peer cannot be reached
     */
    Transport open() throws IOException;

    /**
     * A plain TCP socket: no proxy, {@code TCP_NODELAY}, keep-alive, no read timeout (a Lambda API answers a long
     * poll only when it has an event, and a frozen sandbox can outlive any timeout).
     *
     * @param address where to connect
     * @return the connector
     */
    static Connector socket(InetSocketAddress address) {
        return new SocketConnector(address);
    }
}
