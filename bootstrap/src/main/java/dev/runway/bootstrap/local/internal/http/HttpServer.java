package dev.runway.bootstrap.local.internal.http;

import dev.runway.ric.internal.error.ErrorReport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import java.io.Closeable;
import java.net.InetSocketAddress;

/**
 * An HTTP/1.1 server on one address: keep-alive, chunked bodies both ways, {@code Expect: 100-continue} (curl
 * sends it for bodies over 1 KiB). No aggregation: endpoints see bodies as they arrive.
 */
public final class HttpServer implements Closeable {

    /**
     * The largest request head accepted: the runtime's X-Ray cause header (up to
     * {@link ErrorReport#MAX_XRAY_CAUSE_BYTES}) with room for the rest of an error post's head. A smaller bound
     * would refuse a legitimate error report, and the event would never be answered.
     */
    public static final int MAX_HEADER_BYTES = ErrorReport.MAX_XRAY_CAUSE_BYTES + 64 * 1024;
    private static final int MAX_INITIAL_LINE = 16 * 1024;
    private static final int MAX_CHUNK = 64 * 1024;

    private final Channel channel;

    private HttpServer(Channel channel) {
        this.channel = channel;
    }

    /**
     * Binds and starts serving.
     *
     * @param group the event loops
     * @param host the address to bind
     * @param port the port, 0 for any free one
     * @param router the endpoints
     * @return the running server
     * @throws java.io.UncheckedIOException when the address cannot be bound
     */
    public static HttpServer start(EventLoopGroup group, String host, int port, Router router) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        configure(ch.pipeline(), router);
                    }
                });
        io.netty.channel.ChannelFuture bound = bootstrap.bind(host, port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new java.io.UncheckedIOException(new java.io.IOException(
                    "cannot listen on " + host + ":" + port + ": " + bound.cause().getMessage(), bound.cause()));
        }
        return new HttpServer(bound.channel());
    }

    /**
     * Sets up a connection's pipeline: HTTP codec, {@code 100-continue}, the router. Public for the tests that
     * drive it through an embedded channel.
     *
     * @param pipeline the connection's pipeline
     * @param router the endpoints
     */
    public static void configure(io.netty.channel.ChannelPipeline pipeline, Router router) {
        pipeline.addLast(new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, MAX_CHUNK));
        pipeline.addLast(new HttpServerExpectContinueHandler());
        pipeline.addLast(new EndpointDispatcher(router));
    }

    /** @return the port it listens on */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** @return the address it listens on */
    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }
}
