package dev.odeon.sfu.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odeon.sfu.api.DropReason;
import dev.odeon.sfu.api.MediaEvent;
import dev.odeon.sfu.api.SourceId;
import dev.odeon.sfu.api.StreamId;
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
    return List.of(
        new MediaLine("0", MediaKind.AUDIO, List.of(new RtpCodec(audioPt, "opus", 48000, "")), "a"),
        new MediaLine("1", MediaKind.VIDEO, List.of(new RtpCodec(videoPt, "VP8", 90000, "")), "v"));
  }

  private Publisher publisher;
  private Viewer viewer;

  private void setUp() {
    publisher = router.addPublisher(STREAM, SourceId.DEFAULT, pubEp, 77, lines(111, 96));
    router.activate(0, publisher);
    viewer = router.addViewer(0, STREAM, new dev.odeon.sfu.api.SessionId("v1"), viewEp,
        dev.odeon.sfu.api.ViewOptions.DEFAULT, lines(109, 98), new Viewer.SlotSeeds() {
      @Override
      public int ssrc(String mid) {
        return mid.equals("0") ? 1000 : 2000;
      }

      @Override
      public int nextSeq() {
        return 65530;
      }

      @Override
      public long nextTs() {
        return 0xFFFFFF00L;
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
