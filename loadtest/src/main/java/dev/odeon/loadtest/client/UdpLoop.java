package dev.odeon.loadtest.client;

import dev.odeon.loadtest.report.Histogram;
import dev.odeon.sfu.dtls.DtlsEndpoint;
import dev.odeon.sfu.ice.StunMessage;
import dev.odeon.sfu.rtcp.Fir;
import dev.odeon.sfu.rtcp.Pli;
import dev.odeon.sfu.rtcp.RtcpCompound;
import dev.odeon.sfu.rtcp.RtcpPacket;
import dev.odeon.sfu.rtp.RtpPacket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The generator's I/O thread: one NIO selector over every peer's UDP socket. It answers for the
 * peers' ICE checks (with retransmission and consent refresh every {@value #CONSENT_MILLIS} ms), drives
 * their DTLS client endpoints, sends the publisher's media on schedule, and on the viewers' side
 * decrypts every packet, counts it and records its delay from the {@link Stamp}. DTLS handshakes block
 * inside BouncyCastle, so they run on a pool and wake this thread when they have output.
 */
public final class UdpLoop implements AutoCloseable {
  private static final long CHECK_RETRY_NANOS = 200_000_000L;
  private static final long CONSENT_MILLIS = 5_000;
  private static final long HOUSEKEEPING_NANOS = 50_000_000L;

  private final Selector selector;
  private final Thread thread;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Queue<Peer> dtlsWakeups = new ConcurrentLinkedQueue<>();
  private final ExecutorService handshakes = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "loadtest-dtls");
    t.setDaemon(true);
    return t;
  });
  private final List<Peer> peers = new ArrayList<>();
  private final byte[] rx = new byte[2048];
  private final ByteBuffer rxBuf = ByteBuffer.wrap(rx);
  private final RtpPacket view = new RtpPacket();
  private final Histogram delay = new Histogram();
  private volatile boolean running = true;
  private Peer publisher;
  /** Publishers after the first (stage speakers); they send media but do not define the window. */
  private final List<Peer> morePublishers = new ArrayList<>();
  // Measurement window: stamp sequences [start, end) per kind count; end = MAX while open.
  private final int[] windowStart = {Integer.MAX_VALUE, Integer.MAX_VALUE};
  private final int[] windowEnd = {Integer.MAX_VALUE, Integer.MAX_VALUE};
  private long nextHousekeeping;
  private volatile long cpuNanos;

  public UdpLoop() throws IOException {
    selector = Selector.open();
    thread = new Thread(this::run, "loadtest-udp");
    thread.setDaemon(true);
    thread.start();
  }

  /** Runs {@code task} on the loop thread; the future completes with its result. */
  public <T> CompletableFuture<T> call(java.util.concurrent.Callable<T> task) {
    CompletableFuture<T> f = new CompletableFuture<>();
    tasks.add(() -> {
      try {
        f.complete(task.call());
      } catch (Exception | Error e) {
        f.completeExceptionally(e);
      }
    });
    selector.wakeup();
    return f;
  }

  /** Opens the peer's socket, starts its ICE checks and DTLS; see {@link Peer#connected()}. */
  public CompletableFuture<Peer> add(Peer peer, int videoBitsPerSecond) {
    call(() -> {
      open(peer, videoBitsPerSecond);
      return null;
    }).whenComplete((v, e) -> {
      if (e != null) {
        peer.phase = Peer.Phase.FAILED;
        peer.connected.completeExceptionally(e);
      }
    });
    return peer.connected;
  }

  /** Opens the window: from now on stamped packets are counted and their delay recorded. */
  public CompletableFuture<int[]> openWindow() {
    return call(() -> {
      delay.reset();
      for (Peer p : peers) {
        p.windowReceived[0] = 0;
        p.windowReceived[1] = 0;
      }
      windowStart[0] = publisher == null ? 0 : publisher.source.audioSent();
      windowStart[1] = publisher == null ? 0 : publisher.source.videoSent();
      windowEnd[0] = Integer.MAX_VALUE;
      windowEnd[1] = Integer.MAX_VALUE;
      return windowStart.clone();
    });
  }

  /**
   * Closes the window at the publisher's current packet counts; packets sent before this still count
   * when they arrive later. Returns the packets the publisher sent in the window, per kind.
   */
  public CompletableFuture<int[]> closeWindow() {
    return call(() -> {
      windowEnd[0] = publisher.source.audioSent();
      windowEnd[1] = publisher.source.videoSent();
      return new int[] {windowEnd[0] - windowStart[0], windowEnd[1] - windowStart[1]};
    });
  }

  /** A copy of the delay histogram (call after the window closed and in-flight packets arrived). */
  public CompletableFuture<Histogram> delays() {
    return call(() -> {
      Histogram h = new Histogram();
      h.addAll(delay);
      return h;
    });
  }

  /** CPU time the loop thread has used, ns (updated by the thread itself). */
  public long threadCpuNanos() {
    return cpuNanos;
  }

  private void open(Peer peer, int videoBitsPerSecond) throws IOException {
    DatagramChannel ch = DatagramChannel.open();
    ch.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
    ch.bind(new InetSocketAddress("127.0.0.1", 0));
    ch.connect(peer.server);
    ch.configureBlocking(false);
    ch.register(selector, SelectionKey.OP_READ, peer);
    peer.channel = ch;
    peer.videoBitsPerSecond = videoBitsPerSecond;
    peers.add(peer);
    if (peer.publisher && publisher != null) {
      morePublishers.add(peer);
    } else if (peer.publisher) {
      publisher = peer;
    }
    long now = System.nanoTime();
    peer.nextCheck = now;
    sendCheck(peer, now);
  }

  private void run() {
    var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    while (running) {
      try {
        for (Runnable t; (t = tasks.poll()) != null; ) {
          t.run();
        }
        for (Peer p; (p = dtlsWakeups.poll()) != null; ) {
          pumpDtls(p);
        }
        long now = System.nanoTime();
        if (publisher != null && publisher.phase == Peer.Phase.CONNECTED) {
          publisher.source.emitDue(now, (buf, len) -> sendMedia(publisher, buf, len));
        }
        if (now >= nextHousekeeping) {
          housekeeping(now);
          nextHousekeeping = now + HOUSEKEEPING_NANOS;
          cpuNanos = mx.getCurrentThreadCpuTime();
        }
        long next = nextHousekeeping;
        if (publisher != null && publisher.phase == Peer.Phase.CONNECTED) {
          next = Math.min(next, publisher.source.nextDue());
        }
        for (Peer m : morePublishers) {
          if (m.phase == Peer.Phase.CONNECTED) {
            m.source.emitDue(now, (buf, len) -> sendMedia(m, buf, len));
            next = Math.min(next, m.source.nextDue());
          }
        }
        long waitNanos = next - System.nanoTime();
        // Under 1 ms to the next packet: wait 1 ms rather than spin (each packet is stamped when it
        // leaves, so the coarser pacing does not enter the delay figures).
        int ready = waitNanos <= 0 ? selector.selectNow() : selector.select(Math.max(1, waitNanos / 1_000_000L));
        if (ready > 0) {
          Iterator<SelectionKey> it = selector.selectedKeys().iterator();
          while (it.hasNext()) {
            SelectionKey k = it.next();
            it.remove();
            drain((Peer) k.attachment());
          }
        }
      } catch (IOException | RuntimeException e) {
        // One bad datagram or socket must not end the generator; the scenario sees the peer fail.
        System.err.println("loadtest-udp: " + e);
      }
    }
  }

  private void drain(Peer p) {
    for (int i = 0; i < 64; i++) {
      rxBuf.clear();
      int len;
      try {
        if (p.channel.receive(rxBuf) == null) {
          return;
        }
        len = rxBuf.position();
      } catch (IOException e) {
        return;
      }
      handle(p, len, System.nanoTime());
    }
  }

  private void handle(Peer p, int len, long now) {
    int first = rx[0] & 0xFF;
    if (first < 4) {
      StunMessage m = StunMessage.parse(rx, 0, len);
      if (m != null && m.isBindingSuccess() && p.phase == Peer.Phase.CHECKING) {
        startDtls(p);
      } else if (m != null && m.isBindingRequest()) {
        // A full-ICE server (Janus) checks the pair too; the socket is connected, so it is the server.
        byte[] reply = p.answerCheck(m);
        if (reply != null) {
          write(p, reply, reply.length);
        }
      }
    } else if (first >= 20 && first <= 63) {
      if (p.dtls != null) {
        p.dtls.handleDatagram(rx, 0, len);
        if (p.data != null && p.phase == Peer.Phase.CONNECTED) {
          for (byte[] r; (r = p.dtls.pollApplicationData()) != null; ) {
            p.data.handleRecord(now, r);
          }
        }
        pumpDtls(p);
      }
    } else if (first >= 128 && first <= 191 && p.srtp != null) {
      if (RtpPacket.isRtcp(rx, 0, len)) {
        handleRtcp(p, len);
      } else if (!p.publisher) {
        handleRtp(p, len, now);
      }
    }
  }

  private void handleRtp(Peer p, int len, long now) {
    int plain = p.srtp.unprotectRtp(rx, 0, len);
    if (plain < 0 || !view.wrap(rx, 0, plain)) {
      p.undecryptable++;
      return;
    }
    p.received++;
    if (p.observer != null) {
      p.observer.onRtp(view, rx, now);
      return;
    }
    int end = view.payloadOffset() + view.payloadLength();
    int kind = Stamp.kind(rx, view.payloadOffset(), end);
    if (kind < 0) {
      return;
    }
    if (kind == 1 && p.firstVideoNanos == 0) {
      p.firstVideoNanos = now;
    }
    int seq = Stamp.seq(rx, end);
    if (seq >= windowStart[kind] && seq < windowEnd[kind]) {
      p.windowReceived[kind]++;
      delay.record(now - Stamp.nanos(rx, end));
    }
  }

  private void handleRtcp(Peer p, int len) {
    int plain = p.srtp.unprotectRtcp(rx, 0, len);
    if (plain < 0 || !p.publisher) {
      return;
    }
    for (RtcpPacket pkt : RtcpCompound.parse(rx, 0, plain).packets()) {
      if (pkt instanceof Pli || pkt instanceof Fir) {
        p.source.requestKeyframe();
      }
    }
  }

  private void startDtls(Peer p) {
    p.phase = Peer.Phase.HANDSHAKING;
    p.iceNanos = System.nanoTime();
    p.dtls = new DtlsEndpoint(p.dtlsRole, p.cert, Offers.fingerprint(p.answer), handshakes, () -> {
      dtlsWakeups.add(p);
      selector.wakeup();
    });
    p.dtls.start();
  }

  private void pumpDtls(Peer p) {
    for (byte[] d; (d = p.dtls.pollTransmit()) != null; ) {
      write(p, d, d.length);
    }
    if (p.phase == Peer.Phase.HANDSHAKING) {
      DtlsEndpoint.State s = p.dtls.state();
      if (s == DtlsEndpoint.State.CONNECTED) {
        p.srtp = p.dtls.newSrtpSession();
        if (p.publisher && p.sourceFactory != null) {
          p.source = p.sourceFactory.apply(System.nanoTime());
        } else if (p.publisher) {
          p.source = new MediaSource(0x11110001, 0x22220001, p.videoBitsPerSecond, System.nanoTime());
        }
        p.phase = Peer.Phase.CONNECTED;
        p.dtlsNanos = System.nanoTime();
        if (p.data != null) {
          p.data.start(p.dtlsNanos, b -> p.dtls.sendApplicationData(b, 0, b.length));
          for (byte[] d; (d = p.dtls.pollTransmit()) != null; ) {
            write(p, d, d.length);
          }
        }
        p.connected.complete(p);
      } else if (s == DtlsEndpoint.State.FAILED || s == DtlsEndpoint.State.CLOSED) {
        fail(p, "DTLS " + s + ": " + p.dtls.failureReason());
      }
    }
  }

  /** Sends {@code text} on each peer's data channel, on the loop thread; completes with the messages sent. */
  public CompletableFuture<Integer> sendData(List<Peer> to, java.util.function.IntFunction<String> text) {
    return call(() -> {
      int sent = 0;
      long now = System.nanoTime();
      for (int i = 0; i < to.size(); i++) {
        Peer p = to.get(i);
        if (p.data != null && p.data.send(now, text.apply(i))) {
          sent++;
        }
        pumpDtls(p);
      }
      return sent;
    });
  }

  private void housekeeping(long now) {
    for (Peer p : peers) {
      if (p.data != null && p.phase == Peer.Phase.CONNECTED) {
        p.data.tick(now);
        pumpDtls(p);
      }
      if (now < p.nextCheck) {
        continue;
      }
      if (p.phase == Peer.Phase.CHECKING) {
        if (p.checksSent >= 50) {
          fail(p, "no STUN binding response after " + p.checksSent + " checks");
        } else {
          sendCheck(p, now);
        }
      } else if (p.phase == Peer.Phase.CONNECTED) {
        write(p, p.bindingRequest(), -1);
        p.nextCheck = now + CONSENT_MILLIS * 1_000_000L;
      } else if (p.phase == Peer.Phase.HANDSHAKING) {
        p.nextCheck = now + CHECK_RETRY_NANOS;
        DtlsEndpoint.State s = p.dtls.state();
        if (s == DtlsEndpoint.State.FAILED || s == DtlsEndpoint.State.CLOSED) {
          fail(p, "DTLS " + s + ": " + p.dtls.failureReason());
        }
      }
    }
  }

  private void sendCheck(Peer p, long now) {
    byte[] check = p.bindingRequest();
    write(p, check, check.length);
    p.nextCheck = now + CHECK_RETRY_NANOS;
  }

  private void fail(Peer p, String why) {
    p.phase = Peer.Phase.FAILED;
    p.connected.completeExceptionally(new IOException(why));
  }

  private void sendMedia(Peer p, byte[] buf, int len) {
    int protectedLen = p.srtp.protectRtp(buf, 0, len);
    if (protectedLen > 0) {
      write(p, buf, protectedLen);
    }
  }

  private void write(Peer p, byte[] b, int len) {
    try {
      p.channel.write(ByteBuffer.wrap(b, 0, len < 0 ? b.length : len));
    } catch (IOException e) {
      // ICMP port unreachable from a dead server shows up here; the peer's checks then time out.
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    selector.wakeup();
    thread.join(5_000);
    for (Peer p : peers) {
      try {
        if (p.dtls != null) {
          p.dtls.close();
        }
        p.channel.close();
      } catch (IOException | RuntimeException e) {
        // Closing anyway.
      }
    }
    handshakes.shutdownNow();
    try {
      selector.close();
    } catch (IOException e) {
      // Nothing left to do.
    }
  }
}
