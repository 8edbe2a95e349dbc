package dev.runway.bootstrap.local.internal.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Feeds the requests of one connection to their endpoints, piece by piece. Malformed HTTP gets a 400 and the
 * connection is closed (its framing can no longer be trusted); an unknown path gets a 404, and the connection
 * stays usable. An endpoint that throws answers 500: the server keeps serving.
 */
final class EndpointDispatcher extends ChannelInboundHandlerAdapter {

    private final Router router;
    private final List<Exchange> exchanges = new ArrayList<>();
    private BodyConsumer body;

    EndpointDispatcher(Router router) {
        this.router = router;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        try {
            if (message instanceof HttpRequest request) {
                head(ctx, request);
            }
            if (message instanceof HttpContent content) {
                content(ctx, content);
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    private void head(ChannelHandlerContext ctx, HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            badRequest(ctx, "Malformed HTTP request: " + request.decoderResult().cause().getMessage());
            return;
        }
        String uri = request.uri();
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        Exchange exchange = new Exchange(ctx.channel(), request, path);
        exchanges.add(exchange);
        exchanges.removeIf(e -> !e.isOpen() && e != exchange);
        Endpoint endpoint = router.route(request.method().name(), path);
        if (endpoint == null) {
            body = BodyConsumer.ignoring(() -> exchange.respond(404, "text/plain; charset=utf-8",
                    "404 page not found\n".getBytes(StandardCharsets.UTF_8), java.util.Map.of()));
            return;
        }
        try {
            body = endpoint.open(exchange);
        } catch (RuntimeException e) {
            body = BodyConsumer.ignoring(() -> internalError(exchange, e));
        }
    }

    private void content(ChannelHandlerContext ctx, HttpContent content) {
        BodyConsumer consumer = body;
        if (consumer == null) {
            return;
        }
        if (content.decoderResult().isFailure()) {
            body = null;
            consumer.aborted();
            badRequest(ctx, "Malformed HTTP body: " + content.decoderResult().cause().getMessage());
            return;
        }
        try {
            ByteBuf bytes = content.content();
            if (bytes.isReadable()) {
                consumer.content(bytes);
            }
            if (content instanceof LastHttpContent last) {
                body = null;
                consumer.end(last.trailingHeaders());
            }
        } catch (RuntimeException e) {
            body = BodyConsumer.ignoring(() -> { });
            exchanges.stream().filter(Exchange::isOpen).forEach(exchange -> internalError(exchange, e));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        BodyConsumer consumer = body;
        body = null;
        if (consumer != null) {
            consumer.aborted();
        }
        exchanges.forEach(Exchange::connectionClosed);
        exchanges.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A reset connection: nothing to answer, the close listeners clean up.
        ctx.close();
    }

    private static void internalError(Exchange exchange, RuntimeException e) {
        System.err.println("[runway local] internal error serving " + exchange.method() + " " + exchange.path() + ": " + e);
        e.printStackTrace();
        exchange.respondJson(500, "{\"errorMessage\":\"Internal Server Error\",\"errorType\":\"InternalServerError\"}");
    }

    private static void badRequest(ChannelHandlerContext ctx, String message) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
                Unpooled.copiedBuffer(message + "\n", StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
