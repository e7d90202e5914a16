package dev.odeon.sfu.router;

import dev.odeon.sfu.api.DropReason;
import dev.odeon.sfu.api.MediaEvent;
import dev.odeon.sfu.api.SessionId;
import dev.odeon.sfu.api.SourceId;
import dev.odeon.sfu.api.StreamId;
import dev.odeon.sfu.api.ViewOptions;
import dev.odeon.sfu.rtcp.Pli;
import dev.odeon.sfu.rtcp.RtcpCompound;
import dev.odeon.sfu.rtp.RtpBuilder;
import dev.odeon.sfu.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A router driven in memory with a fake clock: synthetic publishers send Opus packets every 20 ms
 * carrying an RFC 6464 level (extension id 1) and a payload whose first byte names the source;
 * viewers record what reaches them, with the time. No crypto, no sockets.
 */
final class MuxHarness {
  static final StreamId STREAM = new StreamId("stage");
  static final long MS = 1_000_000L;
  static final int LEVEL_EXT = 1;

  /** One packet a viewer received. */
  record Received(long at, int ssrc, int seq, long ts, int pt, int sourceByte, boolean rtp) {}

  /** One engine event with the fake time it was emitted at. */
  record Timed(long at, MediaEvent event) {}

  long now = 1_000 * MS;
  final Map<DropReason, Integer> drops = new EnumMap<>(DropReason.class);
  final List<Timed> events = new ArrayList<>();
  final Router router = new Router(e -> events.add(new Timed(this.now, e)), r -> drops.merge(r, 1, Integer::sum));
  final Map<String, Pub> pubs = new HashMap<>();
  private long nextViewer;

  final class Pub implements Endpoint {
    final Publisher p;
    final int id;
    int ssrc;
    int seq;
    long ts;
    final List<byte[]> rtcp = new ArrayList<>();

    Pub(String source, int id, int firstSeq) {
      this.id = id;
      this.ssrc = 0x1000 + id;
      this.seq = firstSeq;
      this.ts = 1000L * id;
      List<MediaLine> lines = List.of(
          new MediaLine("0", MediaKind.AUDIO, List.of(new RtpCodec(111, "opus", 48000, "")), "a-" + source, LEVEL_EXT),
          new MediaLine("1", MediaKind.VIDEO, List.of(new RtpCodec(96, "VP8", 90000, "")), "v-" + source));
      p = router.addPublisher(STREAM, SourceId.ofNullable(source), this, 0x7777, lines);
    }

    /** One 20 ms audio packet at {@code level} (0..127), or with no level extension when -1. */
    void audio(int level) {
      RtpBuilder b = new RtpBuilder().payloadType(111).sequenceNumber(seq & 0xFFFF).timestamp(ts).ssrc(ssrc)
          .payload(new byte[] {(byte) id, 1, 2, 3});
      if (level >= 0) {
        b.extension(LEVEL_EXT, new byte[] {(byte) (0x80 | level)});
      }
      seq++;
      ts += 960;
      raw(b.build());
    }

    void video(boolean keyframe) {
      byte[] payload = {0x10, (byte) (keyframe ? 0x00 : 0x01), (byte) id, 0, 0, 0};
      raw(new RtpBuilder().payloadType(96).sequenceNumber(seq++ & 0xFFFF).timestamp(ts).ssrc(ssrc + 0x100)
          .payload(payload).build());
    }

    void raw(byte[] pkt) {
      byte[] buf = java.util.Arrays.copyOf(pkt, pkt.length + 64);
      RtpPacket view = RtpPacket.parse(buf, 0, pkt.length);
      if (view == null) {
        drops.merge(DropReason.RTP_MALFORMED, 1, Integer::sum);
        return;
      }
      router.handlePublisherRtp(now, p, view, buf);
    }

    int plis() {
      int n = 0;
      for (byte[] d : rtcp) {
        for (var pk : RtcpCompound.parse(d, 0, d.length).packets()) {
          if (pk instanceof Pli) {
            n++;
          }
        }
      }
      return n;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void sendRtp(byte[] buf, int off, int len) {}

    @Override
    public void sendRtcp(byte[] buf, int off, int len) {
      rtcp.add(java.util.Arrays.copyOfRange(buf, off, off + len));
    }
  }

  final class View implements Endpoint {
    final Viewer v;
    final List<Received> got = new ArrayList<>();
    final SessionId session;

    View(ViewOptions options, int audioSections, int videoSections) {
      List<MediaLine> lines = new ArrayList<>();
      Map<String, Integer> ssrcs = new HashMap<>();
      int n = 0;
      for (int i = 0; i < audioSections; i++) {
        lines.add(new MediaLine("a" + i, MediaKind.AUDIO, List.of(new RtpCodec(109, "opus", 48000, "")), "t"));
        ssrcs.put("a" + i, 0x5000 + n++);
      }
      for (int i = 0; i < videoSections; i++) {
        lines.add(new MediaLine("v" + i, MediaKind.VIDEO, List.of(new RtpCodec(100, "VP8", 90000, "")), "t"));
        ssrcs.put("v" + i, 0x5000 + n++);
      }
      Viewer.validate(options, lines);
      session = new SessionId("viewer" + nextViewer++);
      Viewer.SlotSeeds seeds = new Viewer.SlotSeeds() {
        int k;

        @Override
        public int ssrc(String mid) {
          return ssrcs.get(mid);
        }

        @Override
        public int nextSeq() {
          return 65_500 + k++; // close to wraparound on purpose
        }

        @Override
        public long nextTs() {
          return 0xFFFF_0000L;
        }
      };
      v = router.addViewer(now, STREAM, session, this, options, lines, seeds);
    }

    int ssrcOf(String mid) {
      return v.slotByMid(mid).outSsrc;
    }

    List<Received> on(String mid) {
      int ssrc = ssrcOf(mid);
      return got.stream().filter(r -> r.rtp && r.ssrc == ssrc).toList();
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void sendRtp(byte[] buf, int off, int len) {
      RtpPacket p = RtpPacket.parse(buf, off, len);
      got.add(new Received(now, p.ssrc(), p.sequenceNumber(), p.timestamp(), p.payloadType(),
          buf[p.payloadOffset() + (p.payloadType() == 100 ? 2 : 0)], true));
    }

    @Override
    public void sendRtcp(byte[] buf, int off, int len) {}
  }

  Pub publish(String source, int firstSeq) {
    Pub pub = new Pub(source, pubs.size() + 1, firstSeq);
    pubs.put(source, pub);
    router.activate(now, pub.p);
    return pub;
  }

  /**
   * Runs {@code ms} of fake time in 10 ms steps: every 20 ms each publisher sends one audio packet
   * with the level its script gives (-1: nothing, DTX), and the router's timers run.
   */
  void run(long ms, java.util.function.ToIntFunction<Pub> levelOf) {
    for (long t = 0; t < ms; t += 10) {
      now += 10 * MS;
      if ((now / MS) % 20 == 0) {
        for (Pub pub : pubs.values().stream().sorted((a, b) -> a.id - b.id).toList()) {
          int level = levelOf.applyAsInt(pub);
          if (level != Integer.MIN_VALUE) {
            pub.audio(level);
          }
        }
      }
      router.handleTimeout(now);
    }
  }

  /** The vad events for {@code viewer}, as "mid=source@ms" since {@code since}. */
  List<String> vad(View viewer, long since) {
    List<String> out = new ArrayList<>();
    for (Timed t : events) {
      if (t.event instanceof MediaEvent.SlotChanged c && c.viewer().equals(viewer.session) && t.at >= since) {
        out.add(c.mid() + "=" + (c.source() == null ? "-" : c.source().isDefault() ? "host" : c.source().value()) + "@" + (t.at - since) / MS);
      }
    }
    return out;
  }
}
