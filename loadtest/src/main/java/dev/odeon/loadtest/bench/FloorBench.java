package dev.odeon.loadtest.bench;

import dev.odeon.sfu.rtp.RtpPacket;
import dev.odeon.sfu.srtp.SrtpKeys;
import dev.odeon.sfu.srtp.SrtpProfile;
import dev.odeon.sfu.srtp.SrtpSession;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor: the least work one forwarded packet needs here, with Odeon's own {@link SrtpSession}
 * (AEAD_AES_128_GCM, SunJCE) and plain NIO (non-blocking, direct buffers) on 127.0.0.1. One
 * operation takes one 1,200-byte packet from the publisher's socket, unprotects it, and for each of
 * {@value #FANOUT} viewers copies it, rewrites SSRC and sequence number, protects it with that viewer's
 * own SRTP session and sends it. The score is per forwarded packet ({@code OperationsPerInvocation}).
 * The publisher's own protect + send (about 4 µs, divided by {@value #FANOUT}) is included; a drain thread on the
 * other core empties the viewers' sockets, as real viewers on other machines would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FloorBench {
  public static final int FANOUT = 100;
  private static final int PAYLOAD = 1200 - 12;

  private DatagramChannel publisher;
  private DatagramChannel sfu;
  private final DatagramChannel[] viewers = new DatagramChannel[FANOUT];
  private final InetSocketAddress[] viewerAddresses = new InetSocketAddress[FANOUT];
  private final SrtpSession[] egress = new SrtpSession[FANOUT];
  private SrtpSession publisherSrtp;
  private SrtpSession ingress;
  private final byte[] pubBuf = new byte[1500];
  private final byte[] inBuf = new byte[1500];
  private final byte[] outBuf = new byte[1500];
  private final ByteBuffer pubDirect = ByteBuffer.allocateDirect(1500);
  private final ByteBuffer inDirect = ByteBuffer.allocateDirect(1500);
  private final ByteBuffer outDirect = ByteBuffer.allocateDirect(1500);
  private final RtpPacket view = new RtpPacket();
  private int seq;
  private Thread drain;
  private Selector drainSelector;
  private volatile boolean draining;

  /**
   * What happens at the viewers' sockets: {@code drop} — nobody reads them, so once full the kernel drops
   * at the receiver (no receiver wake-up is charged to the sender, as with a NIC); {@code drain} — a
   * thread on the other core reads them (loopback then charges receiver wake-ups to the sending thread).
   */
  @Param({"drop", "drain"})
  public String receiver;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    Random rnd = new Random(1);
    SrtpKeys pubKeys = keys(rnd);
    publisherSrtp = SrtpSession.forClient(pubKeys);
    ingress = SrtpSession.forServer(pubKeys);
    sfu = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    sfu.configureBlocking(false);
    publisher = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    publisher.connect(sfu.getLocalAddress());
    drainSelector = Selector.open();
    for (int i = 0; i < FANOUT; i++) {
      egress[i] = SrtpSession.forServer(keys(rnd));
      viewers[i] = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
      viewers[i].configureBlocking(false);
      viewers[i].register(drainSelector, SelectionKey.OP_READ);
      viewerAddresses[i] = (InetSocketAddress) viewers[i].getLocalAddress();
    }
    draining = receiver.equals("drain");
    drain = new Thread(this::drainLoop, "floor-drain");
    drain.setDaemon(true);
    if (draining) {
      drain.start();
    }
    byte[] payload = new byte[PAYLOAD];
    rnd.nextBytes(payload);
    RtpPacket.writeHeader(pubBuf, 0, false, 96, 0, 0, 0x1234);
    System.arraycopy(payload, 0, pubBuf, 12, PAYLOAD);
  }

  private static SrtpKeys keys(Random rnd) {
    byte[][] k = new byte[4][];
    for (int i = 0; i < 4; i++) {
      k[i] = new byte[i % 2 == 0 ? 16 : 12];
      rnd.nextBytes(k[i]);
    }
    return new SrtpKeys(SrtpProfile.AEAD_AES_128_GCM, k[0], k[1], k[2], k[3]);
  }

  private void drainLoop() {
    ByteBuffer b = ByteBuffer.allocateDirect(2048);
    while (draining) {
      try {
        drainSelector.select(100);
        for (SelectionKey k : drainSelector.selectedKeys()) {
          DatagramChannel ch = (DatagramChannel) k.channel();
          do {
            b.clear();
          } while (ch.receive(b) != null);
        }
        drainSelector.selectedKeys().clear();
      } catch (IOException e) {
        return;
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    draining = false;
    if (drain.isAlive()) {
      drain.join(1000);
    }
    publisher.close();
    sfu.close();
    for (DatagramChannel v : viewers) {
      v.close();
    }
    drainSelector.close();
  }

  /** One packet in, {@value #FANOUT} out; returns the bytes sent so nothing is dead code. */
  @Benchmark
  @OperationsPerInvocation(FANOUT)
  public int forward() throws IOException {
    // The publisher (not SFU work; amortised over the fan-out).
    // Protect encrypts in place: the next operation encrypts that ciphertext again, which costs the same.
    Bytes16.putSeq(pubBuf, seq++);
    int len = publisherSrtp.protectRtp(pubBuf, 0, 12 + PAYLOAD);
    pubDirect.clear();
    pubDirect.put(pubBuf, 0, len).flip();
    publisher.write(pubDirect);
    // The SFU: receive, unprotect, then per viewer copy + rewrite + protect + send.
    inDirect.clear();
    if (sfu.receive(inDirect) == null) {
      return 0;
    }
    int n = inDirect.flip().remaining();
    inDirect.get(inBuf, 0, n);
    int plain = ingress.unprotectRtp(inBuf, 0, n);
    if (plain < 0 || !view.wrap(inBuf, 0, plain)) {
      throw new IllegalStateException("floor: unprotect failed");
    }
    int sent = 0;
    for (int i = 0; i < FANOUT; i++) {
      System.arraycopy(inBuf, 0, outBuf, 0, plain);
      Bytes16.putSsrc(outBuf, 0x5000 + i);
      int out = egress[i].protectRtp(outBuf, 0, plain);
      outDirect.clear();
      outDirect.put(outBuf, 0, out).flip();
      sent += sfu.send(outDirect, viewerAddresses[i]);
    }
    return sent;
  }

  /** Header field writes (big-endian). */
  private static final class Bytes16 {
    static void putSeq(byte[] b, int seq) {
      b[2] = (byte) (seq >>> 8);
      b[3] = (byte) seq;
    }

    static void putSsrc(byte[] b, int ssrc) {
      b[8] = (byte) (ssrc >>> 24);
      b[9] = (byte) (ssrc >>> 16);
      b[10] = (byte) (ssrc >>> 8);
      b[11] = (byte) ssrc;
    }
  }
}
