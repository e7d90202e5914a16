package dev.odeon.sfu.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odeon.sfu.rtp.codec.H264;
import dev.odeon.sfu.rtp.codec.Vp8;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random and mutated buffers through every RTP-side parser: nothing may throw. */
class RtpFuzzTest {
  static final int ROUNDS = 10_000;

  static byte[] randomOrMutated(Random rnd, byte[] seed) {
    if (rnd.nextBoolean()) {
      byte[] b = new byte[rnd.nextInt(200)];
      rnd.nextBytes(b);
      if (b.length > 0 && rnd.nextBoolean()) {
        b[0] = (byte) (0x80 | (b[0] & 0x3F)); // version 2 to get past the first check
      }
      return b;
    }
    byte[] b = java.util.Arrays.copyOf(seed, rnd.nextInt(seed.length + 8));
    for (int k = rnd.nextInt(6); k >= 0; k--) {
      if (b.length > 0) {
        b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
      }
    }
    return b;
  }

  @Test
  void randomBuffersNeverThrow() {
    Random rnd = new Random(42);
    byte[] seed = new RtpBuilder().payloadType(111).sequenceNumber(1).timestamp(2).ssrc(3)
        .csrc(4).extension(1, new byte[] {(byte) 0x9f}).extension(3, new byte[] {'0'})
        .payload(new byte[] {(byte) 0x90, (byte) 0xe0, 1, 2, 3, 4, 5}).padding(4).build();
    byte[] seed2 = new RtpBuilder().extension(1, new byte[] {1}).extension(20, new byte[30])
        .payload(new byte[] {0x78, 0, 2, 0x65, 0}).build();
    RtpPacket view = new RtpPacket();
    int valid = 0;
    for (int round = 0; round < ROUNDS; round++) {
      byte[] b = randomOrMutated(rnd, round % 2 == 0 ? seed : seed2);
      int off = b.length == 0 ? 0 : rnd.nextInt(3) == 0 ? rnd.nextInt(b.length) : 0;
      int len = rnd.nextInt(10) == 0 ? rnd.nextInt(b.length + 10) - 5 : b.length - off;
      RtpPacket p = RtpPacket.parse(b, off, len);
      assertEquals(p != null, view.wrap(b, off, len));
      RtpPacket.isRtcp(b, off, len);
      Vp8.isKeyframe(b, off, len);
      Vp8.isStartOfFrame(b, off, len);
      H264.isKeyframe(b, off, len);
      if (p == null) {
        continue;
      }
      valid++;
      assertTrue(p.payloadLength() >= 0);
      assertTrue(p.payloadOffset() + p.payloadLength() + p.paddingLength() == off + len);
      for (int id = -1; id <= 256; id++) {
        int at = p.findExtension(id);
        int n = p.extensionLength(id);
        assertTrue(at == -1 ? n == -1 : at >= off && at + n <= p.payloadOffset());
        int level = RtpPacket.audioLevel(p, id);
        assertTrue(level >= -1 && level <= 127);
        RtpPacket.isVoiceActive(p, id);
      }
      Vp8.isKeyframe(b, p.payloadOffset(), p.payloadLength());
      H264.isKeyframe(b, p.payloadOffset(), p.payloadLength());
      p.toString();
    }
    assertTrue(valid > 1000, "the fuzzer must reach the deep paths, got " + valid);
  }
}
