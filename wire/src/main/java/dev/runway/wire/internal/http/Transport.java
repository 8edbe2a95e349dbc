package dev.runway.wire.internal.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One open byte channel: what to read from, what to write to, and what to close. {@link #close()} may be called
 * from any thread and more than once: a call blocked on the input then fails with an {@link IOException}.
 */
public final class Transport implements Closeable {

    private final InputStream input;
    private final OutputStream output;
    private final Closeable resource;
    private volatile boolean closed;

    /**
     * @param input the bytes the peer sends
     * @param output where the bytes for the peer go (unbuffered: the connection coalesces its own writes)
     * @param resource what {@link #close()} releases, such as the socket
     */
    public Transport(InputStream input, OutputStream output, Closeable resource) {
        this.input = input;
        this.output = output;
        this.resource = resource;
    }

    InputStream input() {
        return input;
    }

    OutputStream output() {
        return output;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            resource.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
