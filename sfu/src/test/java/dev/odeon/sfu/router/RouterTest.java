package dev.odeon.sfu.router;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odeon.sfu.api.DropReason;
import dev.odeon.sfu.api.MediaEvent;
import dev.odeon.sfu.api.SourceId;
import dev.odeon.sfu.api.StreamId;
import dev.odeon.sfu.rtcp.Nack;
import dev.odeon.sfu.rtcp.Pli;
import dev.odeon.sfu.rtcp.RtcpCompound;
import dev.odeon.sfu.rtcp.RtcpPacket;
import dev.odeon.sfu.rtcp.SenderReport;
import dev.odeon.sfu.rtp.RtpBuilder;
import dev.odeon.sfu.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The router alone, with recording endpoints and a scripted clock. */
class RouterTest {
  private static final long MS = 1_000_000L;
  private static final StreamId STREAM = new StreamId("s");
  private final List<MediaEvent> events = new ArrayList<>();
  private final List<DropReason> drops = new ArrayList<>();
  private final Router router = new Router(events::add, drops::add);
  private final Recorder pubEp = new Recorder();
  private final Recorder viewEp = new Recorder();

  private static List<MediaLine> lines(int audioPt, int videoPt) {
    return lines(audioPt, videoPt, false);
  }

  private static List<MediaLine> lines(int audioPt, int videoPt, boolean nack) {
    return List.of(
        new MediaLine("0", MediaKind.AUDIO, List.of(new RtpCodec(audioPt, "opus", 48000, "")), "a"),
        new MediaLine("1", MediaKind.VIDEO, List.of(new RtpCodec(videoPt, "VP8", 90000, "")), "v", -1, nack));
  }

  private Publisher publisher;
  private Viewer viewer;

  private void setUp() {
    setUp(false);
  }

  private void setUp(boolean publisherNack) {
    publisher = router.addPublisher(STREAM, SourceId.DEFAULT, pubEp, 77, lines(111, 96, publisherNack));
    router.activate(0, publisher);
    addViewer(65530, 0xFFFFFF00L);
  }

  /** The viewer v1 with SSRCs 1000 (audio) and 2000 (video), starting at {@code seq} and {@code ts}. */
  private void addViewer(int seq, long ts) {
    viewer = router.addViewer(0, STREAM, new dev.odeon.sfu.api.SessionId("v1"), viewEp,
        dev.odeon.sfu.api.ViewOptions.DEFAULT, lines(109, 98), new Viewer.SlotSeeds() {
      @Override
      public int ssrc(String mid) {
        return mid.equals("0") ? 1000 : 2000;
      }

      @Override
      public int nextSeq() {
        return seq;
      }

      @Override
      public long nextTs() {
        return ts;
      }
    });
  }

  /** Each step: time in ms, whether the packet is a VP8 key frame, PLIs expected so far, packets forwarded so far. */
  @Test
  void videoWaitsForKeyframeAndRequestsOneAtMostEvery300ms() {
    setUp();
    long[][] steps = {
        // t, key, plis, forwarded
        {0, 0, 1, 0},
        {100, 0, 1, 0},
        {299, 0, 1, 0},
        {300, 0, 2, 0},
        {450, 1, 2, 1},
        {460, 0, 2, 2},
        {470, 0, 2, 3},
    };
    int seq = 100;
    for (long[] s : steps) {
      send(s[0] * MS, 96, 0x5555, seq++, 3000 * seq, s[1] == 1);
      assertEquals(s[2], pubEp.count(Pli.class), "PLIs after t=" + s[0]);
      assertEquals(s[3], viewEp.rtp.size(), "forwarded after t=" + s[0]);
    }
    RtpPacket first = RtpPacket.parse(viewEp.rtp.get(0), 0, viewEp.rtp.get(0).length);
    assertEquals(2000, first.ssrc());
    assertEquals(98, first.payloadType(), "payload type mapped to the viewer's VP8");
    RtpPacket last = RtpPacket.parse(viewEp.rtp.get(2), 0, viewEp.rtp.get(2).length);
    assertEquals((first.sequenceNumber() + 2) & 0xFFFF, last.sequenceNumber());
  }

  @Test
  void audioFlowsAtOnceAndSenderReportsAreTranslated() {
    setUp();
    send(0, 111, 0x7777, 5, 960, false);
    send(20 * MS, 111, 0x7777, 6, 1920, false);
    assertEquals(2, viewEp.rtp.size());
    RtpPacket a = RtpPacket.parse(viewEp.rtp.get(1), 0, viewEp.rtp.get(1).length);
    assertEquals(1000, a.ssrc());
    assertEquals(109, a.payloadType());

    router.handlePublisherRtcp(30 * MS, publisher,
        List.of(new SenderReport(0x7777, 0x1234_5678_0000_0000L, 1920, 2, 400, List.of())));
    SenderReport sr = (SenderReport) viewEp.rtcp.get(0).get(0);
    assertEquals(1000, sr.ssrc());
    assertEquals(a.timestamp(), sr.rtpTimestamp(), "RTP time mapped through the slot's offset");
    assertEquals(2, sr.packetCount());
  }

  @Test
  void unknownPayloadTypeIsDroppedAndCounted() {
    setUp();
    send(0, 50, 0x7777, 5, 960, false);
    assertEquals(List.of(DropReason.UNSUPPORTED_PAYLOAD), drops);
    assertTrue(viewEp.rtp.isEmpty());
  }

  @Test
  void sourceGoingAwayIdlesTheViewerAndAnnouncesInactive() {
    setUp();
    router.removePublisher(1000 * MS, publisher);
    assertTrue(events.get(events.size() - 1) instanceof MediaEvent.SourceInactive);
    assertNull(viewer.source);
    assertTrue(router.activeSources(STREAM).isEmpty());
  }

  /** Video packets seq first..first+count-1 from SSRC 0x5555, the first a keyframe, 10 ms apart from t0. */
  private void sendVideo(long t0, int first, int count) {
    sendVideo(t0, first, count, 10 * MS);
  }

  private void sendVideo(long t0, int first, int count, long spacing) {
    for (int i = 0; i < count; i++) {
      send(t0 + i * spacing, 96, 0x5555, (first + i) & 0xFFFF, 3000L * (first + i), i == 0);
    }
  }

  private static int seqOf(byte[] rtp) {
    return RtpPacket.parse(rtp, 0, rtp.length).sequenceNumber();
  }

  private void viewerNacks(long now, int... outSeqs) {
    router.handleViewerRtcp(now, viewer, List.of(new Nack(2000, 2000, outSeqs)));
  }

  @Test
  void viewerNackIsAnsweredFromTheBufferWithTheSamePacket() {
    setUp();
    sendVideo(0, 65530, 10); // crosses the input's wraparound
    assertEquals(10, viewEp.rtp.size());
    byte[] third = viewEp.rtp.get(2);
    byte[] eighth = viewEp.rtp.get(7);
    viewerNacks(150 * MS, seqOf(third), seqOf(eighth));
    assertEquals(12, viewEp.rtp.size());
    assertArrayEquals(third, viewEp.rtp.get(10), "same number, timestamp, payload type and payload");
    assertArrayEquals(eighth, viewEp.rtp.get(11));
    assertEquals(2, router.repairCounters().retransmitted());
    assertTrue(drops.isEmpty(), drops::toString);
  }

  /** Each row: a NACKed output number relative to the first forwarded one, and the time of the NACK. */
  @Test
  void nackForWhatWasNeverSentOrIsTooOldIsRefusedAndCounted() {
    setUp();
    sendVideo(0, 500, 5);
    int firstOut = seqOf(viewEp.rtp.get(0));
    long[][] rows = {
        {-1, 100}, // before the input's first packet
        {5, 100}, // not sent yet
        {300, 100}, // far ahead
        {2, 2000}, // sent, but more than a second ago
    };
    for (long[] row : rows) {
      drops.clear();
      viewerNacks(row[1] * MS, (firstOut + (int) row[0]) & 0xFFFF);
      assertEquals(List.of(DropReason.NACK_UNAVAILABLE), drops, "row " + Arrays.toString(row));
    }
    assertEquals(5, viewEp.rtp.size(), "nothing resent");
    assertEquals(0, router.repairCounters().retransmitted());
  }

  @Test
  void nackOfAnEarlierInputIsNotAnsweredWithTheNewOne() {
    setUp();
    sendVideo(0, 100, 5);
    int oldOut = seqOf(viewEp.rtp.get(1));
    // The publisher republishes (a new session, a new SSRC): the slot's input changes.
    router.removePublisher(60 * MS, publisher);
    publisher = router.addPublisher(STREAM, SourceId.DEFAULT, pubEp, 78, lines(111, 96));
    router.activate(70 * MS, publisher);
    for (int i = 0; i < 5; i++) {
      send((100 + i * 10) * MS, 96, 0x6666, 9000 + i, 7000L * i, i == 0);
    }
    viewerNacks(200 * MS, oldOut);
    assertEquals(List.of(DropReason.NACK_UNAVAILABLE), drops);
    assertEquals(10, viewEp.rtp.size());
  }

  @Test
  void retransmissionsAreBoundedPerViewer() {
    setUp();
    int n = Viewer.RETRANSMIT_BURST + 50;
    sendVideo(0, 1000, n, 2 * MS);
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = seqOf(viewEp.rtp.get(i));
    }
    long t = n * 2 * MS;
    viewerNacks(t, all);
    assertEquals(Viewer.RETRANSMIT_BURST, router.repairCounters().retransmitted());
    assertEquals(50, drops.stream().filter(DropReason.NACK_RATE_LIMITED::equals).count());
    // The budget refills at RETRANSMIT_PER_SECOND: 100 ms later there is room for 30 more.
    drops.clear();
    viewerNacks(t + 100 * MS, Arrays.copyOf(all, 40));
    assertEquals(Viewer.RETRANSMIT_BURST + Viewer.RETRANSMIT_PER_SECOND / 10,
        router.repairCounters().retransmitted());
    assertEquals(10, drops.stream().filter(DropReason.NACK_RATE_LIMITED::equals).count());
  }

  /** Loss on the way in: NACKed at once, re-asked every 100 ms at most 3 times, forgotten when it arrives. */
  @Test
  void publisherLossIsNackedAndTheResentPacketFillsTheViewersGap() {
    setUp(true);
    send(0, 96, 0x5555, 100, 3000, true);
    send(10 * MS, 96, 0x5555, 101, 6000, false);
    send(20 * MS, 96, 0x5555, 104, 15000, false); // 102 and 103 lost
    assertEquals(List.of(List.of(102, 103)), nackedSeqs(), "asked at once");
    send(30 * MS, 96, 0x5555, 102, 9000, false); // the publisher resends 102
    send(40 * MS, 96, 0x5555, 105, 18000, false);
    assertEquals(1, nackedSeqs().size(), "not again before 100 ms");
    send(130 * MS, 96, 0x5555, 106, 21000, false);
    assertEquals(List.of(List.of(102, 103), List.of(103)), nackedSeqs(), "103 again, 102 arrived");
    for (int i = 0; i < 10; i++) {
      send((240 + i * 110) * MS, 96, 0x5555, 107 + i, 24000 + 3000L * i, false);
    }
    assertEquals(3, nackedSeqs().size(), "at most 3 requests per packet");
    assertEquals(3, router.repairCounters().nacksSent());
    // The resent 102 reached the viewer in its place: one number after 101's.
    int first = seqOf(viewEp.rtp.get(0));
    assertEquals((first + 2) & 0xFFFF, seqOf(viewEp.rtp.get(3)), "102 keeps its place in the viewer's sequence");
  }

  /** With transport-cc, every publisher packet's transport-wide number is reported back. */
  @Test
  void transportCcFeedbackReportsEveryPublisherPacket() {
    setUp();
    publisher.enableTransportCc(5);
    for (int i = 0; i < 8; i++) {
      if (i == 4) {
        continue; // lost
      }
      byte[] pkt = new RtpBuilder().payloadType(111).sequenceNumber(10 + i).timestamp(960L * i).ssrc(0x7777)
          .extension(5, new byte[] {0x12, (byte) (0x30 + i)}).payload(new byte[50]).build();
      byte[] buf = Arrays.copyOf(pkt, pkt.length + Endpoint.HEADROOM);
      router.handlePublisherRtp(i * 10 * MS, publisher, RtpPacket.parse(buf, 0, pkt.length), buf);
    }
    List<dev.odeon.sfu.rtcp.TransportCc> fbs = pubEp.rtcp.stream().flatMap(List::stream)
        .filter(dev.odeon.sfu.rtcp.TransportCc.class::isInstance).map(dev.odeon.sfu.rtcp.TransportCc.class::cast).toList();
    assertEquals(1, fbs.size(), "one feedback after 50 ms");
    dev.odeon.sfu.rtcp.TransportCc fb = fbs.get(0);
    assertEquals(0x1230, fb.baseSeq());
    assertArrayEquals(new int[] {1, 1, 1, 1, 0, 1}, fb.symbols(), "packets 0..5, number 4 lost");
    assertArrayEquals(new int[] {0, 40, 40, 40, 80}, fb.deltas(), "10 ms apart in 250 µs units");
    assertEquals(1, router.repairCounters().transportCcSent());
  }

  /** RFC 4588: a retransmission on the RTX stream fills the gap; duplicates and probes end at the server. */
  @Test
  void rtxRetransmissionIsRestoredAndPaddingAndDuplicatesAreDropped() {
    List<MediaLine> lines = List.of(
        new MediaLine("0", MediaKind.AUDIO, List.of(new RtpCodec(111, "opus", 48000, "")), "a"),
        new MediaLine("1", MediaKind.VIDEO, List.of(new RtpCodec(96, "VP8", 90000, ""),
            new RtpCodec(97, "rtx", 90000, "apt=96")), "v", -1, true));
    publisher = router.addPublisher(STREAM, SourceId.DEFAULT, pubEp, 77, lines);
    router.activate(0, publisher);
    addViewer(700, 5);
    send(0, 96, 0x5555, 100, 3000, true);
    send(10 * MS, 96, 0x5555, 101, 3000, false);
    send(20 * MS, 96, 0x5555, 103, 6000, false); // 102 lost on the way in
    assertEquals(List.of(List.of(102)), nackedSeqs());
    assertEquals(3, viewEp.rtp.size());

    // The publisher answers on its RTX stream: OSN 102, then the original payload.
    byte[] original = new byte[100];
    original[0] = 0x10;
    original[1] = 0x01;
    original[50] = 42;
    byte[] rtxPayload = new byte[102];
    rtxPayload[0] = 0;
    rtxPayload[1] = 102;
    System.arraycopy(original, 0, rtxPayload, 2, 100);
    sendRaw(30 * MS, new RtpBuilder().payloadType(97).sequenceNumber(9000).timestamp(3000).ssrc(0x9999)
        .payload(rtxPayload).build());
    assertEquals(4, viewEp.rtp.size(), "the restored packet is forwarded");
    RtpPacket r = RtpPacket.parse(viewEp.rtp.get(3), 0, viewEp.rtp.get(3).length);
    assertEquals((seqOf(viewEp.rtp.get(0)) + 2) & 0xFFFF, r.sequenceNumber(), "in 102's place");
    assertEquals(98, r.payloadType());
    assertEquals(2000, r.ssrc());
    assertArrayEquals(original, Arrays.copyOfRange(viewEp.rtp.get(3), r.payloadOffset(), r.payloadOffset() + r.payloadLength()));

    // A duplicate of 101 (a retransmission or a probe made of an old packet) and a padding-only probe.
    byte[] dup = new byte[102];
    dup[1] = 101;
    sendRaw(40 * MS, new RtpBuilder().payloadType(97).sequenceNumber(9001).timestamp(3000).ssrc(0x9999).payload(dup).build());
    byte[] probe = new RtpBuilder().payloadType(97).sequenceNumber(9002).timestamp(3000).ssrc(0x9999).payload(new byte[0]).build();
    sendRaw(50 * MS, probe);
    assertEquals(4, viewEp.rtp.size(), "neither reaches the viewer");
    assertTrue(drops.isEmpty(), drops::toString);
    // Another SSRC on the RTX payload type is unsignalled.
    sendRaw(60 * MS, new RtpBuilder().payloadType(97).sequenceNumber(1).timestamp(3000).ssrc(0x1234).payload(dup).build());
    assertEquals(List.of(DropReason.UNKNOWN_SSRC), drops);
  }

  private void sendRaw(long now, byte[] pkt) {
    byte[] buf = Arrays.copyOf(pkt, pkt.length + Endpoint.HEADROOM);
    router.handlePublisherRtp(now, publisher, RtpPacket.parse(buf, 0, pkt.length), buf);
  }

  private List<List<Integer>> nackedSeqs() {
    List<List<Integer>> all = new ArrayList<>();
    for (List<RtcpPacket> compound : pubEp.rtcp) {
      for (RtcpPacket p : compound) {
        if (p instanceof Nack n) {
          assertEquals(0x5555, n.mediaSsrc());
          all.add(Arrays.stream(n.lostSeqs()).boxed().toList());
        }
      }
    }
    return all;
  }

  private void send(long now, int pt, int ssrc, int seq, long ts, boolean key) {
    byte[] payload = new byte[100];
    payload[0] = 0x10;
    payload[1] = (byte) (key ? 0x00 : 0x01);
    byte[] pkt = new RtpBuilder().payloadType(pt).sequenceNumber(seq).timestamp(ts).ssrc(ssrc)
        .payload(payload).build();
    byte[] buf = Arrays.copyOf(pkt, pkt.length + Endpoint.HEADROOM);
    router.handlePublisherRtp(now, publisher, RtpPacket.parse(buf, 0, pkt.length), buf);
  }

  private static final class Recorder implements Endpoint {
    final List<byte[]> rtp = new ArrayList<>();
    final List<List<RtcpPacket>> rtcp = new ArrayList<>();

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void sendRtp(byte[] buf, int off, int len) {
      rtp.add(Arrays.copyOfRange(buf, off, off + len));
    }

    @Override
    public void sendRtcp(byte[] buf, int off, int len) {
      rtcp.add(RtcpCompound.parse(buf, off, len).packets());
    }

    long count(Class<?> type) {
      return rtcp.stream().flatMap(List::stream).filter(type::isInstance).count();
    }
  }
}
