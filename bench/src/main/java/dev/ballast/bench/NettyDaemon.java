package dev.ballast.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.net.InetAddress;
import okhttp3.tls.HeldCertificate;

/**
 * A light emulated Numaflow daemon for load runs: the same answers as {@link LoopbackDaemon} (every
 * MonoVertex path, names starting {@code dead-} never answered), served by Netty on epoll with
 * BoringSSL, so that the stand-in takes as little as it can of the two cores it shares with
 * Ballast. Real daemons run elsewhere; on one machine the stand-in's cost is charged to the run.
 *
 * <p>Usage: {@code NettyDaemon http|https [eventLoops]}; prints {@code PORT <n> <transport>} once
 * listening.
 */
public final class NettyDaemon {

    private NettyDaemon() {}

    public static void main(String[] args) throws Exception {
        boolean https = args.length > 0 && args[0].equals("https");
        int eventLoops = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        SslContext tls = https ? serverTls() : null;
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channel =
                epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(eventLoops, io);
        Channel server =
                new ServerBootstrap()
                        .group(group)
                        .channel(channel)
                        .option(ChannelOption.SO_BACKLOG, 4096)
                        .childOption(ChannelOption.TCP_NODELAY, true)
                        .childHandler(
                                new ChannelInitializer<SocketChannel>() {
                                    @Override
                                    protected void initChannel(SocketChannel ch) {
                                        if (tls != null) {
                                            ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                                        }
                                        ch.pipeline().addLast(new HttpServerCodec(), new Answer());
                                    }
                                })
                        .bind(InetAddress.getLoopbackAddress(), 0)
                        .sync()
                        .channel();
        int port = ((java.net.InetSocketAddress) server.localAddress()).getPort();
        String transport =
                "netty "
                        + (epoll ? "epoll" : "nio")
                        + (tls == null
                                ? ""
                                : ", " + (OpenSsl.isAvailable() ? "BoringSSL" : "JDK TLS"));
        System.out.println("PORT " + port + " " + transport);
        System.out.flush();
        server.closeFuture().sync();
    }

    private static SslContext serverTls() throws Exception {
        HeldCertificate certificate =
                new HeldCertificate.Builder()
                        .commonName("localhost")
                        .addSubjectAlternativeName("localhost")
                        .build();
        return SslContextBuilder.forServer(
                        certificate.keyPair().getPrivate(), certificate.certificate())
                .sslProvider(OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK)
                .build();
    }

    /** Answers one connection's requests; a dead daemon's requests are read and left unanswered. */
    private static final class Answer extends SimpleChannelInboundHandler<HttpObject> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject message) {
            if (!(message instanceof HttpRequest)) {
                return;
            }
            String name = LoopbackDaemon.nameOf(((HttpRequest) message).uri());
            if (name.startsWith("dead-")) {
                return;
            }
            FullHttpResponse response =
                    new DefaultFullHttpResponse(
                            HttpVersion.HTTP_1_1,
                            HttpResponseStatus.OK,
                            Unpooled.wrappedBuffer(LoopbackDaemon.body(name)));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            ctx.writeAndFlush(response);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // a client that went away: nothing to report in a load run
        }
    }
}
