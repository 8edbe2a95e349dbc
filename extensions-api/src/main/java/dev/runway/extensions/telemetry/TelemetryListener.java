package dev.runway.extensions.telemetry;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The HTTP endpoint the platform POSTs batches to: one Netty event loop thread, bound to the sandbox's address (or
 * loopback) so nothing outside the sandbox reaches it. Each POST body (a JSON array) is handed to the sink and
 * answered 200 at once.
 */
final class TelemetryListener implements AutoCloseable {

    private final EventLoopGroup group;
    private final Channel channel;

    private TelemetryListener(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /**
     * @param address where to bind
     * @param port the port to try first; 0 for any
     * @param maxBody the largest body accepted (the platform's batches reach twice maxBytes plus metadata)
     * @param sink what gets each POST body
     * @return the listening endpoint
     * @throws InterruptedException when interrupted while binding
     * @throws java.io.IOException when no port can be bound
     */
    static TelemetryListener start(InetAddress address, int port, int maxBody, Consumer<String> sink)
            throws InterruptedException, java.io.IOException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, runnable -> {
            Thread thread = new Thread(runnable, "runway-telemetry-listener");
            thread.setDaemon(true);
            return thread;
        }, NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(maxBody), new Handler(sink));
                    }
                });
        try {
            Channel channel;
            try {
                channel = bootstrap.bind(new InetSocketAddress(address, port)).sync().channel();
            } catch (Exception e) {
                if (port == 0 || !(e instanceof BindException)) {
                    throw e;
                }
                // The port is taken (another layer's listener, aws-samples/aws-lambda-extensions#34): any free one.
                channel = bootstrap.bind(new InetSocketAddress(address, 0)).sync().channel();
            }
            return new TelemetryListener(group, channel);
        } catch (InterruptedException e) {
            group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS);
            throw e;
        } catch (Exception e) {
            group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS);
            throw e instanceof java.io.IOException io ? io : new java.io.IOException(e);
        }
    }

    /** @return the bound port */
    int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {

        private final Consumer<String> sink;

        Handler(Consumer<String> sink) {
            this.sink = sink;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            HttpResponseStatus status = HttpResponseStatus.OK;
            if (!request.method().equals(HttpMethod.POST)) {
                status = HttpResponseStatus.METHOD_NOT_ALLOWED;
            } else {
                try {
                    sink.accept(request.content().toString(StandardCharsets.UTF_8));
                } catch (RuntimeException e) {
                    status = HttpResponseStatus.BAD_REQUEST;
                }
            }
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            HttpUtil.setKeepAlive(response, keepAlive);
            if (keepAlive) {
                ctx.writeAndFlush(response);
            } else {
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // Never to standard output: a subscriber to extension logs would receive its own complaints.
            ctx.close();
        }
    }
}
