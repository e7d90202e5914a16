package dev.odeon.loadtest.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odeon.sfu.rtp.RtpPacket;
import dev.odeon.sfu.rtp.codec.Vp8;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The synthetic publisher's media has the shape the issue asks for and the server can parse. */
class MediaSourceTest {
  private final List<byte[]> packets = new ArrayList<>();

  @Test
  void tenSecondsHaveTheRightRatesSizesKeyframesAndStamps() {
    long t = 1_000_000_000L;
    MediaSource src = new MediaSource(1, 2, 1_500_000, t);
    for (long now = t; now < t + 10_000_000_000L; now += 1_000_000L) {
      src.emitDue(now, (buf, len) -> packets.add(java.util.Arrays.copyOf(buf, len)));
    }
    int audio = 0;
    int videoBytes = 0;
    int keyframes = 0;
    int[] lastSeq = {-1, -1};
    for (byte[] b : packets) {
      assertTrue(b.length <= MediaSource.MAX_PACKET, "packet of " + b.length + " bytes");
      RtpPacket p = RtpPacket.parse(b, 0, b.length);
      int end = p.payloadOffset() + p.payloadLength();
      int kind = Stamp.kind(b, p.payloadOffset(), end);
      assertEquals(p.payloadType() == Offers.OPUS_PT ? 0 : 1, kind);
      assertEquals(lastSeq[kind] + 1, Stamp.seq(b, end), "stamp sequence has no gaps");
      lastSeq[kind] = Stamp.seq(b, end);
      if (kind == 0) {
        audio++;
        assertTrue(RtpPacket.audioLevel(p, Offers.AUDIO_LEVEL_EXT_ID) >= 0, "audio level extension present");
      } else {
        videoBytes += b.length;
        assertTrue(Vp8.descriptorLength(b, p.payloadOffset(), p.payloadLength()) > 0);
        if (Vp8.isKeyframe(b, p.payloadOffset(), p.payloadLength())) {
          keyframes++;
        }
      }
    }
    assertEquals(500, audio, "50 audio packets per second");
    assertEquals(5, keyframes, "a keyframe every 2 s");
    double mbps = videoBytes * 8 / 10.0 / 1e6;
    assertTrue(mbps > 1.4 && mbps < 1.65, "video at about 1.5 Mbit/s: " + mbps);
  }

  @Test
  void aKeyframeRequestIsAnsweredWithinAFrame() {
    MediaSource src = new MediaSource(1, 2, 1_500_000, 0);
    src.emitDue(0, (buf, len) -> { });
    src.emitDue(500_000_000L, (buf, len) -> { });
    int before = src.keyframesSent();
    src.requestKeyframe();
    src.emitDue(540_000_000L, (buf, len) -> { });
    assertEquals(before + 1, src.keyframesSent());
  }
}
