package org.integramonitor.local;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;
import org.integramonitor.json.Json;
import org.integramonitor.problem.Problem;

import java.nio.charset.StandardCharsets;

/**
 * RFC 9112 section 6.3: a request with both Content-Length and Transfer-Encoding may be a smuggling attempt
 * (a proxy in front may have framed it by the other header), so the local server answers 400 and closes the
 * connection instead of reading it as chunked, which is what Netty does on its own (it drops Content-Length
 * silently, leaving no trace a later handler could see).
 *
 * <p>Netty's server codec cannot be told otherwise, so a second request decoder watches the same bytes just
 * in front of it; it frames requests exactly as the codec does (keep-alive, pipelining, chunked bodies) and
 * calls back when it meets both headers. The bytes of that request never reach the codec.
 */
@Singleton
public class StrictHttpEdge implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    /** Micronaut's name for Netty's HTTP/1.1 server codec in the connection pipeline. */
    static final String CODEC = "http-server-codec";

    private final byte[] badRequest;

    public StrictHttpEdge(Json json) {
        byte[] body = json.write(Problem.of(400, "bad-request", "Bad request",
                "the request has both Content-Length and Transfer-Encoding (RFC 9112 section 6.3); the connection is closed"));
        this.badRequest = concat(("HTTP/1.1 400 Bad Request\r\nContent-Type: " + Problem.MEDIA_TYPE
                + "\r\nCache-Control: no-store\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), body);
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new PerConnection(null));
        return event.getBean();
    }

    private final class PerConnection implements NettyServerCustomizer {
        private final Channel channel;

        PerConnection(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel connection, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new PerConnection(connection) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && channel.pipeline().get(CODEC) != null && channel.pipeline().get(Framing.class) == null) {
                channel.pipeline().addBefore(CODEC, "strict-framing", new Framing());
            }
        }
    }

    /** Feeds a copy of every inbound byte to a watching decoder; stops the request it objects to. */
    private final class Framing extends ChannelInboundHandlerAdapter {
        private final Watcher watcher = new Watcher();
        private final EmbeddedChannel watching = new EmbeddedChannel(watcher);
        private boolean closed;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (closed) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (!(msg instanceof ByteBuf bytes) || watcher.gaveUp) {
                ctx.fireChannelRead(msg);
                return;
            }
            watching.writeInbound(bytes.retainedDuplicate());
            for (Object decoded; (decoded = watching.readInbound()) != null; ) {
                // Netty keeps both headers when the coding is not chunked; that length is unknowable too
                if (decoded instanceof HttpRequest request && request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)
                        && request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
                    watcher.conflict = true;
                }
                ReferenceCountUtil.release(decoded);
            }
            if (watcher.conflict) {
                closed = true;
                ReferenceCountUtil.release(msg);
                ctx.writeAndFlush(Unpooled.wrappedBuffer(badRequest)).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            watching.finishAndReleaseAll();
        }
    }

    /** Frames requests like the codec; limits generous so that the codec, not this, answers oversize ones. */
    private static final class Watcher extends HttpRequestDecoder {
        boolean conflict;
        boolean gaveUp;

        Watcher() {
            super(1 << 20, 1 << 20, 1 << 16);
        }

        @Override
        protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
            conflict = true;
            super.handleTransferEncodingChunkedWithContentLength(message);
        }

        @Override
        protected HttpMessage createInvalidMessage() {
            gaveUp = true; // the codec meets the same bytes and answers them itself
            return super.createInvalidMessage();
        }
    }

    private static byte[] concat(byte[] head, byte[] body) {
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }
}
