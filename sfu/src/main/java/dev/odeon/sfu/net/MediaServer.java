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
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP edge of the media path: one non-blocking socket shared by every session, and one media
 * thread that owns the {@link MediaEngine} — receive, route, protect and send all happen on it, with
 * no hand-off per packet. Signaling threads post commands to the thread's queue and wake its selector.
 *
 * <p>DTLS handshakes run on a small separate pool inside the DTLS adapter (BouncyCastle's API
 * blocks); their output is collected by the media thread when the adapter wakes it.
 */
public final class MediaServer implements MediaService, Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(MediaServer.class);
  /** Largest datagram we accept; anything bigger is not WebRTC media on a sane path. */
  private static final int MAX_DATAGRAM = 2048;

  private final MediaConfig config;
  private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
  private final ExecutorService handshakes;
  private volatile MediaEngine engine;
  private volatile boolean running;
  private Selector selector;
  private DatagramChannel channel;
  private Thread thread;
  private int boundPort = -1;

  public MediaServer(MediaConfig config) {
    this.config = config;
    this.handshakes = Executors.newCachedThreadPool(named("odeon-dtls-"));
  }

  /** Binds the socket and starts the media thread. */
  public synchronized void start() throws IOException {
    if (running) {
      throw new IllegalStateException("media server already started");
    }
    selector = Selector.open();
    channel = DatagramChannel.open();
    channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
    channel.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
    channel.bind(new InetSocketAddress(config.bindHost(), config.port()));
    channel.configureBlocking(false);
    channel.register(selector, SelectionKey.OP_READ);
    boundPort = ((InetSocketAddress) channel.getLocalAddress()).getPort();
    engine = new MediaEngine(config.candidateIps(), boundPort,
        DtlsCertificate.generate(java.time.Instant.now()), new SocketTransmitter(), handshakes,
        this::wakeup);
    running = true;
    thread = new Thread(this::loop, "odeon-media");
    thread.setDaemon(true);
    thread.start();
    LOG.info("media: udp {}:{}, candidates {}", config.bindHost(), boundPort, config.candidateIps());
    if (config.simulatedLossPercent() > 0) {
      LOG.warn("SIMULATED LOSS: {}% of outgoing RTP is dropped on purpose (--simulate-loss, a testing aid)",
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
    commands.add(() -> task.accept(System.nanoTime()));
    wakeup();
    return true;
  }

  @Override
  public MediaStats stats() {
    MediaEngine e = engine;
    if (e == null) {
      throw new IllegalStateException("media server not started");
    }
    return e.stats();
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
    commands.add(command);
    wakeup();
  }

  private void wakeup() {
    Selector s = selector;
    if (s != null) {
      s.wakeup();
    }
  }

  private void loop() {
    ByteBuffer rx = ByteBuffer.allocate(MAX_DATAGRAM);
    byte[] rxArray = rx.array();
    while (running) {
      try {
        long now = System.nanoTime();
        long deadline = engine.pollTimeout(now);
        long waitMs = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - now));
        if (waitMs > 0) {
          selector.select(Math.max(1, Math.min(waitMs, 1000)));
        } else {
          selector.selectNow();
        }
        selector.selectedKeys().clear();
        for (Runnable c; (c = commands.poll()) != null; ) {
          c.run();
        }
        for (int i = 0; i < 256; i++) {
          rx.clear();
          SocketAddress from = channel.receive(rx);
          if (from == null) {
            break;
          }
          engine.handleDatagram(System.nanoTime(), (InetSocketAddress) from, rxArray, 0, rx.position());
        }
        engine.handleTimeout(System.nanoTime());
      } catch (IOException e) {
        if (running) {
          LOG.warn("media loop I/O error: {}", e.toString());
        }
      } catch (RuntimeException e) {
        // A bug, not bad input (the engine drops bad input itself): keep serving everyone else.
        LOG.error("media loop fault", e);
      }
    }
  }

  @Override
  public synchronized void close() {
    if (!running) {
      return;
    }
    running = false;
    selector.wakeup();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    engine.shutdown(System.nanoTime());
    handshakes.shutdownNow();
    try {
      channel.close();
      selector.close();
    } catch (IOException e) {
      LOG.debug("close: {}", e.toString());
    }
  }

  /** Sends on the shared socket from the media thread. */
  private final class SocketTransmitter implements Transmitter {
    /** Testing aid ({@link MediaConfig#simulatedLossPercent}): drop threshold over 2^32, 0 = off. */
    private final long lossThreshold = (long) (config.simulatedLossPercent() / 100 * 0x1_0000_0000L);
    private final java.util.SplittableRandom lossRandom = new java.util.SplittableRandom();

    @Override
    public boolean send(InetSocketAddress to, byte[] buf, int off, int len) {
      if (lossThreshold > 0 && isRtp(buf, off, len) && (lossRandom.nextInt() & 0xFFFF_FFFFL) < lossThreshold) {
        return true; // "sent" and lost on the way, as far as anyone can tell
      }
      try {
        return channel.send(ByteBuffer.wrap(buf, off, len), to) == len;
      } catch (IOException e) {
        engine.stats().countDrop(DropReason.SEND_FAILED);
        return false;
      }
    }
  }

  /** SRTP media (not SRTCP, STUN or DTLS): RFC 7983 first byte 128..191 and an RTP payload type. */
  private static boolean isRtp(byte[] buf, int off, int len) {
    if (len < 12) {
      return false;
    }
    int b0 = buf[off] & 0xFF;
    int pt = buf[off + 1] & 0xFF;
    return b0 >= 128 && b0 <= 191 && (pt < 192 || pt > 223);
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
