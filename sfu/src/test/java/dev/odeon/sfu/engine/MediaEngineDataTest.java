package dev.odeon.sfu.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odeon.sfu.api.SessionAnswer;
import dev.odeon.sfu.api.StreamId;
import dev.odeon.sfu.api.ViewRequest;
import dev.odeon.sfu.data.DataPlane;
import dev.odeon.sfu.data.DataPlanes;
import dev.odeon.sfu.data.DataSession;
import dev.odeon.sfu.data.DataSink;
import dev.odeon.sfu.dtls.DtlsCertificate;
import dev.odeon.sfu.dtls.DtlsEndpoint;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The data plane plug point in memory: a viewer whose offer carries a data channel section gets a
 * {@link DataPlane} once DTLS completes; DTLS application data flows both ways through it; its
 * timers join the engine's; it is closed with the session. Real ICE, DTLS and crypto.
 */
class MediaEngineDataTest {
  private static final StreamId STREAM = new StreamId("s1");
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Semaphore wakeups = new Semaphore(0);
  private final Random rnd = new Random(11);
  private final List<Object[]> wire = new ArrayList<>();
  private final long now = 1_000_000_000L;
  private final MediaEngine engine = new MediaEngine(List.of("127.0.0.1"), 10000,
      DtlsCertificate.generate(java.time.Instant.now()),
      (to, buf, off, len) -> wire.add(new Object[] {to, java.util.Arrays.copyOfRange(buf, off, off + len)}),
      executor, wakeups::release);
  private final FakePlanes planes = new FakePlanes();

  /** Records what the engine hands over; echoes "pong:" + each record back through the sink. */
  static final class FakePlanes implements DataPlanes {
    final List<DataSession> opened = new ArrayList<>();
    final List<String> received = new ArrayList<>();
    final List<String> closed = new ArrayList<>();
    long planeDeadline = Long.MAX_VALUE;
    int planeTimeouts;
    long sharedDeadline = Long.MAX_VALUE;
    int sharedTimeouts;

    @Override
    public DataPlane open(long nowNanos, DataSession session, DataSink sink) {
      opened.add(session);
      return new DataPlane() {
        @Override
        public void handleData(long n, byte[] record) {
          String text = new String(record, StandardCharsets.UTF_8);
          received.add(text);
          sink.send(("pong:" + text).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void handleTimeout(long n) {
          planeTimeouts++;
          planeDeadline = Long.MAX_VALUE;
        }

        @Override
        public long pollTimeout() {
          return planeDeadline;
        }

        @Override
        public void close(long n, String reason) {
          closed.add(reason);
        }
      };
    }

    @Override
    public long pollTimeout() {
      return sharedDeadline;
    }

    @Override
    public void handleTimeout(long nowNanos) {
      sharedTimeouts++;
      sharedDeadline = Long.MAX_VALUE;
    }
  }

  @AfterEach
  void tearDown() {
    engine.shutdown(now);
    executor.shutdownNow();
  }

  @Test
  void dataFlowsBothWaysThroughThePlane() throws Exception {
    engine.setDataPlanes(planes);
    TestPeer viewer = new TestPeer(5002, false, rnd);
    viewer.withData = true;
    SessionAnswer answer = connect(viewer, "alice");
    assertTrue(answer.answerSdp().contains("m=application 10000 UDP/DTLS/SCTP webrtc-datachannel"));
    assertEquals(1, planes.opened.size());
    assertEquals("alice", planes.opened.get(0).identity());
    assertEquals(STREAM, planes.opened.get(0).stream());
    assertEquals(answer.session(), planes.opened.get(0).session());

    byte[] ping = "ping".getBytes(StandardCharsets.UTF_8);
    viewer.dtls.sendApplicationData(ping, 0, ping.length);
    List<String> got = new ArrayList<>();
    await(() -> {
      pump(viewer);
      for (byte[] d; (d = viewer.dtls.pollApplicationData()) != null; ) {
        got.add(new String(d, StandardCharsets.UTF_8));
      }
      return !got.isEmpty();
    });
    assertEquals(List.of("ping"), planes.received);
    assertEquals(List.of("pong:ping"), got);

    // The plane's and the shared timers are part of the engine's.
    planes.planeDeadline = now + 5_000_000L;
    planes.sharedDeadline = now + 7_000_000L;
    assertTrue(engine.pollTimeout(now) <= now + 5_000_000L);
    engine.handleTimeout(now + 7_000_000L);
    assertEquals(1, planes.planeTimeouts);
    assertEquals(1, planes.sharedTimeouts);

    engine.close(now, answer.session(), "bye");
    assertEquals(List.of("bye"), planes.closed);
  }

  @Test
  void withoutADataSectionNoPlaneIsOpenedAndDataIsDropped() throws Exception {
    engine.setDataPlanes(planes);
    TestPeer viewer = new TestPeer(5003, false, rnd);
    SessionAnswer answer = connect(viewer, "bob");
    assertFalse(answer.answerSdp().contains("m=application"));
    assertTrue(planes.opened.isEmpty());
    byte[] ping = "ping".getBytes(StandardCharsets.UTF_8);
    viewer.dtls.sendApplicationData(ping, 0, ping.length);
    long before = engine.stats().drops(dev.odeon.sfu.api.DropReason.DTLS_ERROR);
    await(() -> {
      pump(viewer);
      return engine.stats().drops(dev.odeon.sfu.api.DropReason.DTLS_ERROR) > before;
    });
    assertTrue(planes.received.isEmpty());
  }

  @Test
  void dataSectionIsRejectedWhenNoPlanesArePlugged() throws Exception {
    TestPeer viewer = new TestPeer(5004, false, rnd);
    viewer.withData = true;
    SessionAnswer answer = engine.view(now, new ViewRequest(STREAM, viewer.offer(), "carol"));
    assertTrue(answer.answerSdp().contains("m=application 0 UDP/DTLS/SCTP webrtc-datachannel"));
  }

  private SessionAnswer connect(TestPeer peer, String identity) throws Exception {
    SessionAnswer answer = engine.view(now, new ViewRequest(STREAM, peer.offer(), identity));
    peer.answer = answer.answerSdp();
    byte[] check = peer.bindingRequest(rnd);
    engine.handleDatagram(now, peer.address, check, 0, check.length);
    wire.clear();
    peer.startDtls(TestPeer.fingerprintOf(peer.answer), executor, wakeups::release);
    await(() -> {
      pump(peer);
      return peer.dtls.state() == DtlsEndpoint.State.CONNECTED && engine.isConnected(answer.session());
    });
    return answer;
  }

  private void pump(TestPeer p) {
    engine.handleTimeout(now);
    for (byte[] d; (d = p.dtls.pollTransmit()) != null; ) {
      engine.handleDatagram(now, p.address, d, 0, d.length);
    }
    List<Object[]> out = new ArrayList<>(wire);
    wire.clear();
    for (Object[] w : out) {
      byte[] d = (byte[]) w[1];
      if (((InetSocketAddress) w[0]).equals(p.address) && (d[0] & 0xFF) >= 20 && (d[0] & 0xFF) <= 63) {
        p.dtls.handleDatagram(d, 0, d.length);
      }
    }
  }

  private void await(BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!done.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "condition not reached within 20 s");
      wakeups.tryAcquire(50, TimeUnit.MILLISECONDS);
    }
  }
}
