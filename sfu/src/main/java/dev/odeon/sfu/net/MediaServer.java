package dev.odeon.sfu.net;

import dev.odeon.sfu.api.DropReason;
import dev.odeon.sfu.api.MediaEvents;
import dev.odeon.sfu.api.MediaService;
import dev.odeon.sfu.api.MediaStats;
import dev.odeon.sfu.api.PublishRequest;
import dev.odeon.sfu.api.SessionAnswer;
import dev.odeon.sfu.api.Projection;
import dev.odeon.sfu.api.SessionId;
import dev.odeon.sfu.api.SourceId;
import dev.odeon.sfu.api.StreamId;
import dev.odeon.sfu.api.ViewRequest;
import dev.odeon.sfu.dtls.DtlsCertificate;
import dev.odeon.sfu.engine.MediaEngine;
import dev.odeon.sfu.engine.Transmitter;
import dev.odeon.sfu.rtp.RtpPacket;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.SegmentedDatagramPacket;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP edge of the media path: one socket shared by every session, and one media thread (a Netty
 * event loop, native epoll on Linux) that owns the {@link MediaEngine} — receive, route, protect and
 * send all happen on it, with no hand-off per packet. Signaling threads post commands to the loop.
 *
 * <p>The thread works in turns: a batch of received datagrams (recvmmsg), a command, a timer, or a
 * wake-up. What the engine sends during a turn is kept in a {@link SendBatch} and sent when the turn
 * ends, grouped per address so that several datagrams to one viewer (the packets of a video frame)
 * leave in one UDP GSO send where the kernel supports it — the per-datagram kernel send path is most
 * of what a forwarded packet costs.
 *
 * <p>DTLS handshakes run on a small separate pool inside the DTLS adapter (BouncyCastle's API
 * blocks); their output is collected by the media thread when the adapter wakes it.
 */
public final class MediaServer implements MediaService, Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(MediaServer.class);
  /** Largest datagram we accept; anything bigger is not WebRTC media on a sane path. */
  private static final int MAX_DATAGRAM = 2048;
  /** Datagrams per recvmmsg call. */
  private static final int RECEIVE_BATCH = 32;
  /** Longest sleep of the media thread when no engine timer is due sooner. */
  private static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
  /**
   * Longest a deferrable datagram (video, not the last packet of its frame) waits for the packets
   * after it, so that a viewer's packets of one frame leave in one GSO send. The frame's last packet
   * never waits, so frames complete no later; early packets arrive up to this much later.
   */
  static final long MAX_HOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  /** Outgoing bytes queued in the socket layer beyond which sends are dropped (and counted). */
  private static final int SEND_QUEUE_HIGH = 16 << 20;

  private final MediaConfig config;
  private final ExecutorService handshakes;
  private final AtomicBoolean wakePending = new AtomicBoolean();
  private final byte[] rx = new byte[MAX_DATAGRAM];
  private volatile MediaEngine engine;
  private volatile boolean running;
  private EventLoopGroup group;
  private EventLoop loop;
  private Channel channel;
  private int boundPort = -1;
  private boolean gso;
  private SendBatch batch;
  private ScheduledFuture<?> timer;
  private long timerAt;
  /** Testing aid ({@link MediaConfig#simulatedLossPercent}): drop threshold over 2^32, 0 = off. */
  private final long lossThreshold;
  private final java.util.SplittableRandom lossRandom = new java.util.SplittableRandom();
  /** When the oldest datagram of the pending batch was added. */
  private long heldSince;
  /** An {@link #endTurn} is queued behind the loop's pending tasks. */
  private boolean turnEndQueued;

  public MediaServer(MediaConfig config) {
    this.config = config;
    this.lossThreshold = (long) (config.simulatedLossPercent() / 100 * 0x1_0000_0000L);
    this.handshakes = Executors.newCachedThreadPool(named("odeon-dtls-"));
  }

  /** Binds the socket and starts the media thread. */
  public synchronized void start() throws IOException {
    if (running || group != null) {
      throw new IllegalStateException("media server already started");
    }
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("odeon-media", true), io);
    loop = group.next();
    Bootstrap b = new Bootstrap()
        .group(group)
        .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
        .option(ChannelOption.AUTO_READ, false)
        .option(ChannelOption.SO_RCVBUF, 4 << 20)
        .option(ChannelOption.SO_SNDBUF, 4 << 20)
        .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(SEND_QUEUE_HIGH / 2, SEND_QUEUE_HIGH))
        .handler(new Inbound());
    if (epoll) {
      b.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_DATAGRAM)
          .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM * RECEIVE_BATCH));
    } else {
      b.option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM));
    }
    try {
      channel = b.bind(new InetSocketAddress(config.bindHost(), config.port())).sync().channel();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw new IOException("interrupted while binding the media socket", e);
    } catch (Exception e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw e instanceof IOException io2 ? io2 : new IOException(e.getMessage(), e);
    }
    boundPort = ((InetSocketAddress) channel.localAddress()).getPort();
    gso = epoll && EpollDatagramChannel.isSegmentedDatagramPacketSupported();
    batch = new SendBatch(1 << 20, 4096, gso ? SendBatch.MAX_GSO_SEGMENTS : 1, this::write);
    engine = new MediaEngine(config.candidateIps(), boundPort,
        DtlsCertificate.generate(java.time.Instant.now()), new BatchTransmitter(), handshakes,
        this::wakeup);
    running = true;
    channel.config().setAutoRead(true);
    loop.execute(this::endTurn);
    LOG.info("media: udp {}:{}, candidates {} ({}{})", config.bindHost(), boundPort, config.candidateIps(),
        epoll ? "epoll" : "nio", gso ? ", GSO" : "");
    if (config.simulatedLossPercent() > 0) {
      LOG.warn("SIMULATED LOSS: {}% of RTP is dropped on purpose, in and out (--simulate-loss, a testing aid)",
          config.simulatedLossPercent());
    }
  }

  /** The bound UDP port (useful when configured with port 0). */
  public int port() {
    return boundPort;
  }

  @Override
  public CompletableFuture<SessionAnswer> publish(PublishRequest request) {
    return call(e -> e.publish(System.nanoTime(), request));
  }

  @Override
  public CompletableFuture<SessionAnswer> view(ViewRequest request) {
    return call(e -> e.view(System.nanoTime(), request));
  }

  @Override
  public CompletableFuture<Void> project(SessionId viewer, SourceId source, List<Projection> mapping) {
    return call(e -> {
      e.project(System.nanoTime(), viewer, source, mapping);
      return null;
    });
  }

  @Override
  public CompletableFuture<Void> unproject(SessionId viewer, List<String> mids) {
    return call(e -> {
      e.unproject(System.nanoTime(), viewer, mids);
      return null;
    });
  }

  @Override
  public void close(SessionId session, String reason) {
    post(() -> engine.close(System.nanoTime(), session, reason));
  }

  @Override
  public void setMuted(StreamId stream, SourceId source, boolean muted) {
    post(() -> engine.setMuted(stream, source, muted));
  }

  @Override
  public void setFeatured(StreamId stream, SourceId source) {
    post(() -> engine.setFeatured(System.nanoTime(), stream, source));
  }

  @Override
  public void forgetStream(StreamId stream) {
    post(() -> engine.forgetStream(stream));
  }

  @Override
  public void setListener(MediaEvents listener) {
    post(() -> engine.setListener(listener));
  }

  @Override
  public void setDataPlanes(dev.odeon.sfu.data.DataPlanes planes) {
    post(() -> engine.setDataPlanes(planes));
  }

  @Override
  public boolean execute(java.util.function.LongConsumer task) {
    if (!running) {
      return false;
    }
    loop.execute(() -> {
      try {
        task.accept(System.nanoTime());
      } catch (RuntimeException e) {
        LOG.error("media task fault", e);
      }
      endTurnSoon();
    });
    return true;
  }

  @Override
  public MediaStats stats() {
    MediaEngine e = engine;
    if (e == null) {
      throw new IllegalStateException("media server not started");
    }
    MediaStats s = e.stats();
    SendBatch b = batch;
    return new MediaStats() {
      @Override
      public int sessions() {
        return s.sessions();
      }

      @Override
      public int publishers() {
        return s.publishers();
      }

      @Override
      public int viewers() {
        return s.viewers();
      }

      @Override
      public long packetsIn() {
        return s.packetsIn();
      }

      @Override
      public long bytesIn() {
        return s.bytesIn();
      }

      @Override
      public long packetsOut() {
        return s.packetsOut();
      }

      @Override
      public long bytesOut() {
        return s.bytesOut();
      }

      @Override
      public long drops(DropReason reason) {
        return s.drops(reason);
      }

      @Override
      public long retransmittedPackets() {
        return s.retransmittedPackets();
      }

      @Override
      public long nacksSent() {
        return s.nacksSent();
      }

      @Override
      public long transportCcFeedback() {
        return s.transportCcFeedback();
      }

      @Override
      public long udpSends() {
        return b.sends();
      }
    };
  }

  private <T> CompletableFuture<T> call(Function<MediaEngine, T> command) {
    CompletableFuture<T> result = new CompletableFuture<>();
    post(() -> {
      try {
        result.complete(command.apply(engine));
      } catch (RuntimeException ex) {
        result.completeExceptionally(ex);
      }
    });
    return result;
  }

  private void post(Runnable command) {
    if (!running) {
      throw new IllegalStateException("media server not running");
    }
    loop.execute(() -> {
      try {
        command.run();
      } catch (RuntimeException e) {
        LOG.error("media command fault", e);
      }
      endTurnSoon();
    });
  }

  /**
   * Ends the turn after the tasks already queued: a storm of commands (say, thousands of votes
   * posted by the WebSocket threads) then costs one timer pass and one flush, not one per command.
   * Media thread only.
   */
  private void endTurnSoon() {
    if (!turnEndQueued) {
      turnEndQueued = true;
      loop.execute(() -> {
        turnEndQueued = false;
        endTurn();
      });
    }
  }

  /** From DTLS handshake threads: their output is ready; one pending turn is enough for many calls. */
  private void wakeup() {
    if (running && wakePending.compareAndSet(false, true)) {
      loop.execute(() -> {
        wakePending.set(false);
        endTurn();
      });
    }
  }

  /**
   * Ends a turn of the media thread: runs the engine's due timers, sends what the turn produced, and
   * arms the timer for the engine's next deadline.
   */
  private void endTurn() {
    if (!running) {
      return;
    }
    long now = System.nanoTime();
    try {
      engine.handleTimeout(now);
    } catch (RuntimeException e) {
      // A bug, not bad input (the engine drops bad input itself): keep serving everyone else.
      LOG.error("media timer fault", e);
    }
    long at = Math.min(engine.pollTimeout(now), now + MAX_IDLE_NANOS);
    if (batch.onlyDeferrable() && now - heldSince < MAX_HOLD_NANOS) {
      at = Math.min(at, heldSince + MAX_HOLD_NANOS);
    } else {
      batch.flush();
    }
    channel.flush();
    if (timer != null && timerAt - at <= 0) {
      return;
    }
    if (timer != null) {
      timer.cancel(false);
    }
    timerAt = at;
    timer = loop.schedule(() -> {
      timer = null;
      endTurn();
    }, Math.max(0, at - now), TimeUnit.NANOSECONDS);
  }

  /** One grouped send from the {@link SendBatch}: a plain datagram, or a GSO train of segments. */
  private void write(InetSocketAddress to, byte[] data, int off, int len, int segmentSize) {
    if (!channel.isWritable()) {
      // The kernel is not taking datagrams as fast as we make them: drop rather than queue without bound.
      for (int n = (len + segmentSize - 1) / segmentSize; n > 0; n--) {
        engine.stats().countDrop(DropReason.SEND_FAILED);
      }
      return;
    }
    ByteBuf buf = channel.alloc().directBuffer(len);
    buf.writeBytes(data, off, len);
    Object msg = segmentSize < len ? new SegmentedDatagramPacket(buf, segmentSize, to) : new DatagramPacket(buf, to);
    channel.write(msg, channel.voidPromise());
  }

  /** Receives on the media thread: each datagram goes to the engine; a finished read batch ends the turn. */
  private final class Inbound extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      DatagramPacket packet = (DatagramPacket) msg;
      try {
        ByteBuf content = packet.content();
        int len = Math.min(content.readableBytes(), MAX_DATAGRAM);
        content.getBytes(content.readerIndex(), rx, 0, len);
        if (running && !simulatedLoss(rx, 0, len)) {
          engine.handleDatagram(System.nanoTime(), packet.sender(), rx, 0, len);
        }
      } catch (RuntimeException e) {
        LOG.error("media receive fault", e);
      } finally {
        packet.release();
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      endTurn();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // A failed send (voidPromise) or a socket error; UDP carries on.
      MediaEngine e = engine;
      if (e != null) {
        e.stats().countDrop(DropReason.SEND_FAILED);
      }
      LOG.debug("media socket: {}", cause.toString());
    }
  }

  @Override
  public synchronized void close() {
    if (!running) {
      return;
    }
    running = false;
    try {
      loop.submit(() -> {
        engine.shutdown(System.nanoTime());
        batch.flush();
        channel.flush();
        channel.close();
      }).await(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    handshakes.shutdownNow();
  }

  /**
   * Testing aid ({@link MediaConfig#simulatedLossPercent}): whether to lose this RTP datagram on
   * purpose, as a lossy network would, in either direction. Media thread only.
   */
  private boolean simulatedLoss(byte[] buf, int off, int len) {
    return lossThreshold > 0 && isRtp(buf, off, len) && (lossRandom.nextInt() & 0xFFFF_FFFFL) < lossThreshold;
  }

  /** Hands the engine's datagrams to the turn's {@link SendBatch}; outgoing simulated loss happens here. */
  private final class BatchTransmitter implements Transmitter {

    @Override
    public boolean send(InetSocketAddress to, byte[] buf, int off, int len) {
      return send(to, buf, off, len, false);
    }

    @Override
    public boolean send(InetSocketAddress to, byte[] buf, int off, int len, boolean deferrable) {
      if (simulatedLoss(buf, off, len)) {
        return true; // "sent" and lost on the way, as far as anyone can tell
      }
      if (len <= 0 || len > MAX_DATAGRAM + 64) {
        return false;
      }
      if (batch.pending() == 0) {
        heldSince = System.nanoTime();
      }
      batch.add(to, buf, off, len, deferrable);
      return true;
    }
  }

  /** SRTP media (not SRTCP, STUN or DTLS): RFC 7983 first byte 128..191, and not RTCP (RFC 5761). */
  private static boolean isRtp(byte[] buf, int off, int len) {
    int b0 = len < 12 ? 0 : buf[off] & 0xFF;
    return b0 >= 128 && b0 <= 191 && !RtpPacket.isRtcp(buf, off, len);
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
