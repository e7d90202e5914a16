package dev.odeon.sfu.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odeon.sfu.api.DropReason;
import dev.odeon.sfu.api.MediaEvent;
import dev.odeon.sfu.api.PublishRequest;
import dev.odeon.sfu.api.SessionAnswer;
import dev.odeon.sfu.api.SourceId;
import dev.odeon.sfu.api.StreamId;
import dev.odeon.sfu.api.ViewRequest;
import dev.odeon.sfu.dtls.DtlsEndpoint;
import dev.odeon.sfu.rtp.RtpBuilder;
import dev.odeon.sfu.rtp.RtpPacket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole media path in memory: a publisher and a viewer made of our own ICE, DTLS and SRTP code
 * talk to a {@link MediaEngine} through a fake network, with real handshakes and real crypto.
 */
class MediaEngineTest {
  private static final StreamId STREAM = new StreamId("s1");
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Semaphore wakeups = new Semaphore(0);
  private final Random rnd = new Random(7);
  private final List<MediaEvent> events = new ArrayList<>();
  private final Map<InetSocketAddress, TestPeer> peers = new HashMap<>();
  private final List<Object[]> wire = new ArrayList<>();
  private long now = 1_000_000_000L;
  private final MediaEngine engine = new MediaEngine(List.of("127.0.0.1"), 10000,
      dev.odeon.sfu.dtls.DtlsCertificate.generate(java.time.Instant.now()),
      (to, buf, off, len) -> wire.add(new Object[] {to, java.util.Arrays.copyOfRange(buf, off, off + len)}),
      executor, wakeups::release);

  @AfterEach
  void tearDown() {
    engine.shutdown(now);
    executor.shutdownNow();
  }

  @Test
  void publisherReachesViewerWithRewrittenContinuousStreams() throws Exception {
    engine.setListener(events::add);
    TestPeer pub = connect(true, 5001);
    assertTrue(events.stream().anyMatch(e -> e instanceof MediaEvent.SourceActive));
    TestPeer viewer = connect(false, 5002);
    int viewerVideoSsrc = viewer.announcedSsrc("1");

    int pubSsrc = 0x1234;
    sendVideo(pub, pubSsrc, 100, 9000, true);
    sendVideo(pub, pubSsrc, 101, 9000, false);
    List<RtpPacket> got = deliveredRtp(viewer);
    assertEquals(2, got.size(), "both packets of the keyframe reach the viewer");
    assertEquals(viewerVideoSsrc, got.get(0).ssrc());
    assertEquals(96, got.get(0).payloadType());
    assertEquals((got.get(0).sequenceNumber() + 1) & 0xFFFF, got.get(1).sequenceNumber());
    int lastSeq = got.get(1).sequenceNumber();
    long lastTs = got.get(1).timestamp();

    // The publisher stops and publishes again: new session, new SSRC, new bases.
    engine.close(now, sessionOf(pub), "unpublish");
    assertTrue(events.stream().anyMatch(e -> e instanceof MediaEvent.SourceInactive));
    now += 2_000_000_000L;
    TestPeer pub2 = connect(true, 5003);
    sendVideo(pub2, 0x9999, 40000, 777, true);
    got = deliveredRtp(viewer);
    assertEquals(1, got.size());
    assertEquals(viewerVideoSsrc, got.get(0).ssrc(), "the viewer's SSRC stays the same");
    assertEquals((lastSeq + 1) & 0xFFFF, got.get(0).sequenceNumber(), "sequence continues");
    long advanced = (got.get(0).timestamp() - lastTs) & 0xFFFFFFFFL;
    assertTrue(advanced >= 90000 * 2 - 90000 / 10 && advanced <= 90000 * 3,
        "timestamp advanced by the elapsed 2 s: " + advanced);
  }

  /**
   * Loss repair through real SRTP/SRTCP: a gap from the publisher is NACKed to it, and a viewer's
   * NACK is answered from the server's buffer with the packet it first got.
   */
  @Test
  void lossIsRepairedWithNacksOnBothLegs() throws Exception {
    TestPeer pub = connect(true, 5001);
    TestPeer viewer = connect(false, 5002);
    sendVideo(pub, 0x1234, 100, 9000, true);
    sendVideo(pub, 0x1234, 101, 9000, false);
    sendVideo(pub, 0x1234, 103, 12000, false);
    List<dev.odeon.sfu.rtcp.Nack> toPublisher = deliveredRtcp(pub, dev.odeon.sfu.rtcp.Nack.class);
    assertEquals(1, toPublisher.size(), "the gap is NACKed to the publisher");
    assertEquals(0x1234, toPublisher.get(0).mediaSsrc());
    assertEquals(List.of(102), java.util.Arrays.stream(toPublisher.get(0).lostSeqs()).boxed().toList());
    assertEquals(1, engine.stats().nacksSent());

    // The viewer loses the second packet on its way (it never reaches its SRTP context).
    pump();
    viewer.received.remove(1);
    List<RtpPacket> got = deliveredRtp(viewer);
    assertEquals(2, got.size());
    int lost = (got.get(0).sequenceNumber() + 1) & 0xFFFF;
    byte[] nack = new byte[64 + 64];
    int len = new dev.odeon.sfu.rtcp.Nack(1, got.get(0).ssrc(), new int[] {lost}).writeTo(nack, 0);
    len = viewer.srtp.protectRtcp(nack, 0, len);
    engine.handleDatagram(now, viewer.address, nack, 0, len);
    List<RtpPacket> resent = deliveredRtp(viewer);
    assertEquals(1, resent.size(), "the viewer's NACK is answered");
    RtpPacket r = resent.get(0);
    assertEquals(got.get(0).ssrc(), r.ssrc());
    assertEquals(lost, r.sequenceNumber());
    assertEquals(got.get(0).timestamp(), r.timestamp(), "101 shares the keyframe's timestamp");
    assertEquals(200, r.payloadLength());
    assertEquals(0x01, r.buffer()[r.payloadOffset() + 1], "101's payload, not the keyframe's");
    assertEquals(1, engine.stats().retransmittedPackets());
  }

  /** A publisher that offers transport-cc gets it in the answer and gets feedback for its packets. */
  @Test
  void transportCcIsNegotiatedForPublishersAndFedBack() throws Exception {
    TestPeer pub = connect(true, 5001);
    assertTrue(pub.answer.contains("transport-wide-cc-extensions-01"), pub.answer);
    assertTrue(pub.answer.contains("a=rtcp-fb:111 transport-cc"), pub.answer);
    for (int i = 0; i < 6; i++) {
      byte[] pkt = new RtpBuilder().payloadType(111).sequenceNumber(i).timestamp(960L * i).ssrc(0x4444)
          .extension(5, new byte[] {0, (byte) i}).payload(new byte[40]).build();
      byte[] buf = java.util.Arrays.copyOf(pkt, pkt.length + 64);
      int len = pub.srtp.protectRtp(buf, 0, pkt.length);
      now += 20_000_000L;
      engine.handleDatagram(now, pub.address, buf, 0, len);
    }
    List<dev.odeon.sfu.rtcp.TransportCc> fb = deliveredRtcp(pub, dev.odeon.sfu.rtcp.TransportCc.class);
    assertFalse(fb.isEmpty(), "feedback within 120 ms of packets");
    assertEquals(0, fb.get(0).baseSeq());
    assertEquals(engine.stats().transportCcFeedback(), fb.size());
  }

  /** Decrypts the RTCP the engine sent to {@code peer} since the last call and keeps those of {@code type}. */
  private <T> List<T> deliveredRtcp(TestPeer peer, Class<T> type) {
    pump();
    List<T> out = new ArrayList<>();
    for (byte[] d : peer.received) {
      if (!RtpPacket.isRtcp(d, 0, d.length)) {
        continue;
      }
      int len = peer.srtp.unprotectRtcp(d, 0, d.length);
      assertTrue(len > 0, "peer can decrypt the RTCP it got");
      for (var p : dev.odeon.sfu.rtcp.RtcpCompound.parse(d, 0, len).packets()) {
        if (type.isInstance(p)) {
          out.add(type.cast(p));
        }
      }
    }
    peer.received.clear();
    return out;
  }

  @Test
  void garbageIsDroppedAndCountedWithoutHarm() throws Exception {
    TestPeer pub = connect(true, 5001);
    TestPeer viewer = connect(false, 5002);
    Random garbage = new Random(42);
    byte[] buf = new byte[1500];
    for (int i = 0; i < 10_000; i++) {
      int len = 1 + garbage.nextInt(1400);
      garbage.nextBytes(buf);
      // From the viewer's and the publisher's own addresses too: a spoofer on their 5-tuple.
      InetSocketAddress from = switch (i % 3) {
        case 0 -> pub.address;
        case 1 -> viewer.address;
        default -> new InetSocketAddress("127.0.0.1", 6000 + i % 50);
      };
      engine.handleDatagram(now, from, buf, 0, len);
    }
    long dropped = 0;
    for (DropReason r : DropReason.values()) {
      dropped += engine.stats().drops(r);
    }
    assertTrue(dropped > 9_000, "garbage was counted as dropped: " + dropped);
    wire.clear();
    sendVideo(pub, 0x1234, 1, 1, true);
    assertEquals(1, deliveredRtp(viewer).size(), "media still flows after the garbage");
  }

  @Test
  void badOffersGetClearCodes() {
    var e = org.junit.jupiter.api.Assertions.assertThrows(dev.odeon.sfu.api.MediaException.class,
        () -> engine.publish(now, new PublishRequest(STREAM, SourceId.DEFAULT, "v=0\r\nnonsense", "x")));
    assertEquals("bad_sdp", e.code());
    TestPeer p = new TestPeer(1, true, rnd);
    String noFingerprint = p.offer().replaceAll("a=fingerprint:[^\r]*\r\n", "");
    e = org.junit.jupiter.api.Assertions.assertThrows(dev.odeon.sfu.api.MediaException.class,
        () -> engine.view(now, new ViewRequest(STREAM, noFingerprint, "x")));
    assertEquals("no_fingerprint", e.code());
    String unknownCodecs = p.offer().replace("opus/48000/2", "foo/48000/2").replace("VP8/90000", "bar/90000");
    e = org.junit.jupiter.api.Assertions.assertThrows(dev.odeon.sfu.api.MediaException.class,
        () -> engine.publish(now, new PublishRequest(STREAM, SourceId.DEFAULT, unknownCodecs, "x")));
    assertEquals("no_common_codec", e.code());
  }

  @Test
  void multiplexedSlotIsAnnouncedThenFedWithTheNegotiatedAudioLevel() throws Exception {
    engine.setListener(events::add);
    connect(true, 5001);
    TestPeer speaker = connect(true, 5003, new SourceId("a"), null, 0);
    TestPeer viewer = connect(false, 5002, SourceId.DEFAULT,
        new dev.odeon.sfu.api.ViewOptions(null, 1, java.util.Set.of()), 1);
    MediaEvent.SlotChanged vad = events.stream().filter(e -> e instanceof MediaEvent.SlotChanged)
        .map(e -> (MediaEvent.SlotChanged) e).findFirst().orElseThrow();
    assertEquals(new MediaEvent.SlotChanged(sessionOf(viewer), "2", new SourceId("a")), vad);
    int slotSsrc = viewer.announcedSsrc("2");

    // Announced, not yet bound: nothing of a reaches the slot before the switch delay.
    sendAudio(speaker, 0x5151, 10, 960, 30);
    assertEquals(0, deliveredRtp(viewer).stream().filter(p -> p.ssrc() == slotSsrc).count());
    now += 60_000_000L;
    engine.handleTimeout(now);
    sendAudio(speaker, 0x5151, 11, 1920, 30);
    sendAudio(speaker, 0x5151, 12, 2880, -1);
    List<RtpPacket> got = deliveredRtp(viewer);
    assertEquals(2, got.stream().filter(p -> p.ssrc() == slotSsrc).count(), "a's audio reaches mid 2");
    // The publisher negotiated the level extension as id 3: only the packet without it is counted.
    assertEquals(1, engine.stats().drops(DropReason.AUDIO_LEVEL_INVALID));
  }

  @Test
  void slotOptionsAndProjectionsAreCheckedWithClearCodes() throws Exception {
    TestPeer v = new TestPeer(5009, false, rnd);
    v.extraAudio = 1;
    var tooMany = org.junit.jupiter.api.Assertions.assertThrows(dev.odeon.sfu.api.MediaException.class,
        () -> engine.view(now, new ViewRequest(STREAM, v.offer(), "v", new dev.odeon.sfu.api.ViewOptions(null, 1000, java.util.Set.of()))));
    assertEquals("too_many_slots", tooMany.code());
    var missing = org.junit.jupiter.api.Assertions.assertThrows(dev.odeon.sfu.api.MediaException.class,
        () -> engine.view(now, new ViewRequest(STREAM, v.offer(), "v", new dev.odeon.sfu.api.ViewOptions(null, 2, java.util.Set.of()))));
    assertEquals("missing_slots", missing.code());
    assertEquals(0, engine.stats().sessions(), "refused views leave no session behind");
    var unknown = org.junit.jupiter.api.Assertions.assertThrows(dev.odeon.sfu.api.MediaException.class,
        () -> engine.project(now, new dev.odeon.sfu.api.SessionId("nope"), SourceId.DEFAULT,
            List.of(new dev.odeon.sfu.api.Projection("video", "1", null))));
    assertEquals("unknown_session", unknown.code());
  }

  private void sendAudio(TestPeer pub, int ssrc, int seq, long ts, int level) {
    RtpBuilder b = new RtpBuilder().payloadType(111).sequenceNumber(seq).timestamp(ts).ssrc(ssrc).payload(new byte[40]);
    if (level >= 0) {
      b.extension(3, new byte[] {(byte) level});
    }
    byte[] pkt = b.build();
    byte[] buf = java.util.Arrays.copyOf(pkt, pkt.length + 64);
    int len = pub.srtp.protectRtp(buf, 0, pkt.length);
    engine.handleDatagram(now, pub.address, buf, 0, len);
  }

  private final Map<TestPeer, dev.odeon.sfu.api.SessionId> sessions = new HashMap<>();

  private dev.odeon.sfu.api.SessionId sessionOf(TestPeer p) {
    return sessions.get(p);
  }

  private TestPeer connect(boolean publisher, int port) throws Exception {
    return connect(publisher, port, SourceId.DEFAULT, dev.odeon.sfu.api.ViewOptions.DEFAULT, 0);
  }

  private TestPeer connect(boolean publisher, int port, SourceId source, dev.odeon.sfu.api.ViewOptions options,
      int extraAudio) throws Exception {
    TestPeer peer = new TestPeer(port, publisher, rnd);
    peer.extraAudio = extraAudio;
    peers.put(peer.address, peer);
    SessionAnswer answer = publisher
        ? engine.publish(now, new PublishRequest(STREAM, source, peer.offer(), "p"))
        : engine.view(now, new ViewRequest(STREAM, peer.offer(), "v", options));
    sessions.put(peer, answer.session());
    peer.answer = answer.answerSdp();
    byte[] check = peer.bindingRequest(rnd);
    engine.handleDatagram(now, peer.address, check, 0, check.length);
    assertFalse(wire.isEmpty(), "binding response sent");
    wire.clear();
    peer.startDtls(TestPeer.fingerprintOf(peer.answer), executor, wakeups::release);
    await(() -> {
      pump();
      return peer.dtls.state() == DtlsEndpoint.State.CONNECTED
          && engine.isConnected(answer.session());
    });
    peer.srtp = peer.dtls.newSrtpSession();
    return peer;
  }

  /** Moves datagrams between the peers' DTLS clients and the engine until both go quiet. */
  private void pump() {
    engine.handleTimeout(now);
    for (TestPeer p : peers.values()) {
      if (p.dtls == null) {
        continue;
      }
      for (byte[] d; (d = p.dtls.pollTransmit()) != null; ) {
        engine.handleDatagram(now, p.address, d, 0, d.length);
      }
    }
    List<Object[]> out = new ArrayList<>(wire);
    wire.clear();
    for (Object[] w : out) {
      TestPeer p = peers.get(w[0]);
      byte[] d = (byte[]) w[1];
      if (p != null && p.dtls != null && (d[0] & 0xFF) >= 20 && (d[0] & 0xFF) <= 63) {
        p.dtls.handleDatagram(d, 0, d.length);
      } else if (p != null) {
        p.received.add(d);
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

  private void sendVideo(TestPeer pub, int ssrc, int seq, long ts, boolean keyframe) {
    // VP8 payload descriptor with S=1, PID=0, then a payload header whose P bit says key frame.
    byte[] payload = new byte[200];
    payload[0] = 0x10;
    payload[1] = (byte) (keyframe ? 0x00 : 0x01);
    byte[] pkt = new RtpBuilder().payloadType(96).sequenceNumber(seq).timestamp(ts).ssrc(ssrc)
        .payload(payload).build();
    byte[] buf = java.util.Arrays.copyOf(pkt, pkt.length + 64);
    int len = pub.srtp.protectRtp(buf, 0, pkt.length);
    engine.handleDatagram(now, pub.address, buf, 0, len);
  }

  /** Decrypts every RTP packet the engine sent to {@code viewer} since the last call. */
  private List<RtpPacket> deliveredRtp(TestPeer viewer) {
    pump();
    List<RtpPacket> rtp = new ArrayList<>();
    for (byte[] d : viewer.received) {
      if (RtpPacket.isRtcp(d, 0, d.length)) {
        continue;
      }
      int len = viewer.srtp.unprotectRtp(d, 0, d.length);
      assertTrue(len > 0, "viewer can decrypt what it got");
      RtpPacket p = RtpPacket.parse(d, 0, len);
      assertNotNull(p);
      rtp.add(p);
    }
    viewer.received.clear();
    return rtp;
  }
}
