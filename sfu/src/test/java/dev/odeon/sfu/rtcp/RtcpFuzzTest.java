package dev.odeon.sfu.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random and mutated compounds through the RTCP parser: it never throws, and whatever it
 * accepts can be written back and parsed again without error.
 */
class RtcpFuzzTest {

  @Test
  void randomCompoundsNeverThrow() {
    List<RtcpPacket> all = RtcpRoundTripTest.packets().toList();
    byte[] seed = new byte[RtcpCompound.size(all)];
    RtcpCompound.write(all, seed, 0);
    Random rnd = new Random(1234);
    int packets = 0;
    for (int round = 0; round < 10_000; round++) {
      byte[] b;
      if (round % 2 == 0) {
        b = new byte[rnd.nextInt(120)];
        rnd.nextBytes(b);
        for (int i = 0; i + 4 <= b.length && rnd.nextBoolean(); i += 4) {
          b[i] = (byte) (0x80 | (b[i] & 0x3F)); // plausible headers
          b[i + 1] = (byte) (200 + rnd.nextInt(8));
          b[i + 2] = 0;
          b[i + 3] = (byte) rnd.nextInt(8);
        }
      } else {
        int start = 4 * rnd.nextInt(seed.length / 4);
        b = java.util.Arrays.copyOfRange(seed, start,
            Math.min(seed.length, start + rnd.nextInt(200)));
        for (int k = rnd.nextInt(5); k >= 0 && b.length > 0; k--) {
          b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
        }
      }
      RtcpCompound c = RtcpCompound.parse(b, 0, b.length);
      for (RtcpPacket p : c.packets()) {
        packets++;
        byte[] out = new byte[p.size()];
        assertEquals(out.length, p.writeTo(out, 0));
        RtcpCompound again = RtcpCompound.parse(out, 0, out.length);
        assertFalse(again.malformed(), () -> "rewrite of " + p);
        assertEquals(1, again.packets().size());
        assertEquals(p.getClass(), again.packets().get(0).getClass());
      }
    }
    assertTrue(packets > 2000, "the fuzzer must reach the record parsers, got " + packets);
  }
}
