package dev.odeon.signaling;

import dev.odeon.sfu.api.MediaService;
import dev.odeon.signaling.auth.TokenService;
import dev.odeon.signaling.http.ApiV1;
import dev.odeon.signaling.http.BoundedAggregator;
import dev.odeon.signaling.http.DevTokenEndpoint;
import dev.odeon.signaling.http.HttpRouter;
import dev.odeon.signaling.http.IdleCloser;
import dev.odeon.signaling.http.StaticFiles;
import dev.odeon.signaling.interactive.Interactive;
import dev.odeon.signaling.metrics.OdeonMetrics;
import dev.odeon.signaling.room.StageConfig;
import dev.odeon.signaling.room.StageDirector;
import dev.odeon.signaling.ws.StreamHub;
import dev.odeon.signaling.ws.WsUpgrader;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.Closeable;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP + WebSocket server on Netty 4.2: builds the handlers (router, static files, dev tokens,
 * metrics, WebSocket upgrader, stream hub), registers the hub as the media engine's one event
 * listener, binds, and shuts it all down. Threads: one acceptor, Netty's default worker count,
 * and one serial executor for the hub. {@link #start} and {@link #close} from one thread.
 */
public final class SignalingServer implements Closeable {
  /** Largest request body; larger ones get 413. */
  public static final int MAX_BODY_BYTES = 64 * 1024;
  /** The request line may carry a token of up to 8 KiB. */
  private static final int MAX_INITIAL_LINE = 16 * 1024;
  private static final int MAX_HEADER_BYTES = 16 * 1024;

  private final SignalingConfig config;
  private final MediaService media;
  private final OdeonMetrics metrics;
  private final HttpRouter router;
  private final StreamHub hub;
  private final StageDirector stages;
  /** Ticks the stages (host grace, throttled counts); the director is synchronized. */
  private final DefaultEventExecutor stageTimer =
      new DefaultEventExecutor(new DefaultThreadFactory("odeon-stage-timer", true));
  private final DefaultEventExecutor hubExecutor =
      new DefaultEventExecutor(new DefaultThreadFactory("odeon-hub", true));
  private final IdleCloser idleCloser = new IdleCloser();
  private volatile boolean ready;
  private EventLoopGroup acceptor;
  private EventLoopGroup workers;
  private Channel server;

  public SignalingServer(SignalingConfig config, TokenService tokens, MediaService media, Clock clock) {
    this(config, tokens, media, clock, StageConfig.DEFAULT);
  }

  public SignalingServer(
      SignalingConfig config, TokenService tokens, MediaService media, Clock clock, StageConfig stageConfig) {
    this.config = config;
    this.media = media;
    this.metrics = new OdeonMetrics(media::stats);
    this.hub = new StreamHub(hubExecutor);
    this.stages = new StageDirector(media, tokens, clock, stageConfig);
    Interactive interactive = Interactive.attach(media);
    metrics.registerRelay(interactive::counters);
    StaticFiles files = new StaticFiles(SignalingServer.class.getClassLoader(), config.webRoot());
    this.router =
        new HttpRouter(
            files,
            new DevTokenEndpoint(tokens, config.devMode()),
            metrics,
            () -> ready,
            new WsUpgrader(tokens, media, hub, metrics, clock, stages, interactive),
            clock,
            new ApiV1(tokens, stages));
  }

  /** Registers the event listener and binds the HTTP port; returns once bound. */
  public void start() throws InterruptedException {
    media.setListener(hub);
    stageTimer.scheduleAtFixedRate(() -> stages.tick(System.nanoTime()), 250, 250, TimeUnit.MILLISECONDS);
    acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("odeon-http-accept", true), NioIoHandler.newFactory());
    workers = new MultiThreadIoEventLoopGroup(0, new DefaultThreadFactory("odeon-http", true), NioIoHandler.newFactory());
    long idleMillis = config.idleTimeout().toMillis();
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(acceptor, workers)
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS))
                        .addLast(idleCloser)
                        .addLast(new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, 8192))
                        .addLast(new BoundedAggregator(MAX_BODY_BYTES))
                        .addLast(router);
                  }
                });
    server = bootstrap.bind(config.httpHost(), config.httpPort()).sync().channel();
  }

  /** The bound TCP port (the ephemeral one when configured with 0). */
  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** From now on {@code /healthz} answers 200. */
  public void markReady() {
    ready = true;
  }

  public OdeonMetrics metrics() {
    return metrics;
  }

  @Override
  public void close() {
    ready = false;
    if (server != null) {
      server.close().syncUninterruptibly();
    }
    if (workers != null) {
      // Closing the channels runs each connection's cleanup, which closes its media sessions.
      workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
    hubExecutor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    stageTimer.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
