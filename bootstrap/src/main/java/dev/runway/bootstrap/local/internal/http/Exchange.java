package dev.runway.bootstrap.local.internal.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One request and its answer. Thread-safe: the answer may come from any thread (a long poll is answered by the
 * thread that has the event), and only the first answer counts, so two racing parties cannot both answer.
 *
 * <p>An answer is either whole ({@link #respond}) or streamed ({@link #startStream}, {@link #writeChunk},
 * {@link #endStream}), chunked, with optional trailers.
 */
public final class Exchange {

    private static final int OPEN = 0;
    private static final int STREAMING = 1;
    private static final int DONE = 2;

    private final Channel channel;
    private final HttpRequest request;
    private final String path;
    private final AtomicInteger state = new AtomicInteger(OPEN);
    private final CopyOnWriteArrayList<Runnable> closeListeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    Exchange(Channel channel, HttpRequest request, String path) {
        this.channel = channel;
        this.request = request;
        this.path = path;
    }

    /** @return the request method, such as {@code POST} */
    public String method() {
        return request.method().name();
    }

    /** @return the path, without the query string */
    public String path() {
        return path;
    }

    /**
     * @param name a header name, any case
     * @return its first value, or {@code null}
     */
    public String header(String name) {
        return request.headers().get(name);
    }

    /** @return the client's address, to keep the local console to this machine */
    public java.net.SocketAddress remoteAddress() {
        return channel.remoteAddress();
    }

    /** @return every request header */
    public HttpHeaders headers() {
        return request.headers();
    }

    /** @return whether no answer was started yet */
    public boolean isOpen() {
        return state.get() == OPEN && !closed;
    }

    /** @return whether the client went away */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Runs {@code listener} once, when the connection closes (at once if it already has). A long poll uses it
     * to forget a waiter that went away.
     *
     * @param listener what to run, on the event loop
     */
    public void onClose(Runnable listener) {
        closeListeners.add(listener);
        if (closed && closeListeners.remove(listener)) {
            listener.run();
        }
    }

    void connectionClosed() {
        closed = true;
        for (Runnable listener : closeListeners) {
            if (closeListeners.remove(listener)) {
                listener.run();
            }
        }
    }

    /**
     * Answers with a whole response.
     *
     * @param status the status code
     * @param contentType the body's type, or {@code null} for none
     * @param body the body
     * @param extraHeaders more headers; a {@code null} value is skipped
     * @return whether this was the answer (false when the exchange was answered already)
     */
    public boolean respond(int status, String contentType, byte[] body, Map<String, String> extraHeaders) {
        if (closed || !state.compareAndSet(OPEN, DONE)) {
            return false;
        }
        FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(),
                HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
        HttpHeaders headers = response.headers();
        if (contentType != null) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        extraHeaders.forEach((name, value) -> {
            if (value != null) {
                headers.set(name, value);
            }
        });
        HttpUtil.setContentLength(response, body.length);
        write(response, true);
        return true;
    }

    /**
     * Answers with a JSON body.
     *
     * @param status the status code
     * @param json the body
     * @return whether this was the answer
     */
    public boolean respondJson(int status, String json) {
        return respond(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /**
     * Starts a streamed answer: the head now, the body in chunks.
     *
     * @param status the status code
     * @param headers the response headers; a {@code null} value is skipped
     * @return whether this is the answer
     */
    public boolean startStream(int status, Map<String, String> headers) {
        if (closed || !state.compareAndSet(OPEN, STREAMING)) {
            return false;
        }
        HttpResponse response = new DefaultHttpResponse(request.protocolVersion(), HttpResponseStatus.valueOf(status));
        headers.forEach((name, value) -> {
            if (value != null) {
                response.headers().set(name, value);
            }
        });
        response.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        write(response, false);
        return true;
    }

    /**
     * Sends one chunk of a streamed answer, flushed at once.
     *
     * @param chunk the bytes; this method takes ownership of the buffer
     * @param written run when the chunk left (or could not), so the producer can read on: back pressure
     */
    public void writeChunk(ByteBuf chunk, Runnable written) {
        if (state.get() != STREAMING) {
            chunk.release();
            written.run();
            return;
        }
        channel.writeAndFlush(new DefaultHttpContent(chunk)).addListener(future -> written.run());
    }

    /** @return whether the connection can take more without queueing */
    public boolean isWritable() {
        return channel.isWritable();
    }

    /**
     * Ends a streamed answer.
     *
     * @param trailers trailer fields; a {@code null} value is skipped
     */
    public void endStream(Map<String, String> trailers) {
        if (!state.compareAndSet(STREAMING, DONE)) {
            return;
        }
        LastHttpContent last = new DefaultLastHttpContent();
        trailers.forEach((name, value) -> {
            if (value != null) {
                last.trailingHeaders().set(name, value);
            }
        });
        write(last, true);
    }

    /** Stops or resumes reading this connection: back pressure from a slow reader of a streamed answer. */
    public void setAutoRead(boolean autoRead) {
        channel.config().setAutoRead(autoRead);
    }

    /** Drops the connection, as when a streamed answer cannot be completed. */
    public void abort() {
        state.set(DONE);
        channel.close();
    }

    private void write(Object message, boolean last) {
        if (last && !HttpUtil.isKeepAlive(request)) {
            channel.writeAndFlush(message).addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.writeAndFlush(message);
        }
    }
}
