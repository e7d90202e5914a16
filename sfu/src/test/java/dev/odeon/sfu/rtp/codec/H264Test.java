package dev.odeon.sfu.rtp.codec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class H264Test {
  private static byte[] b(int... v) {
    byte[] out = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (byte) v[i];
    }
    return out;
  }

  private static boolean key(byte[] p) {
    return H264.isKeyframe(p, 0, p.length);
  }

  @Test
  void singleNalUnits() {
    assertTrue(key(b(0x65, 0x88, 0x80))); // IDR slice
    assertTrue(key(b(0x67, 0x42, 0xc0, 0x1f))); // SPS
    assertFalse(key(b(0x68, 0xce))); // PPS
    assertFalse(key(b(0x41, 0x9a))); // non-IDR slice
    assertFalse(key(b(0x06, 0x05))); // SEI
  }

  @Test
  void stapA() {
    // STAP-A: SPS (4 bytes) + PPS (2 bytes) + IDR (2 bytes)
    assertTrue(key(b(0x78, 0, 4, 0x67, 0x42, 0xc0, 0x1f, 0, 2, 0x68, 0xce, 0, 2, 0x65, 0x88)));
    // STAP-A with a non-key NAL then an IDR
    assertTrue(key(b(0x78, 0, 2, 0x06, 0x05, 0, 2, 0x65, 0x88)));
    assertFalse(key(b(0x78, 0, 2, 0x06, 0x05, 0, 2, 0x41, 0x9a)));
    // The first NAL size lies: nothing behind it is trusted.
    assertFalse(key(b(0x78, 0, 40, 0x06, 0x05, 0, 2, 0x65, 0x88)));
    assertFalse(key(b(0x78, 0, 0, 0x65)));
    assertFalse(key(b(0x78, 0)));
  }

  @Test
  void fuA() {
    assertTrue(key(b(0x7c, 0x85, 0x88))); // S=1, type 5
    assertTrue(key(b(0x7c, 0x87, 0x42))); // S=1, type 7
    assertFalse(key(b(0x7c, 0x05, 0x88))); // middle fragment of an IDR
    assertFalse(key(b(0x7c, 0x45, 0x88))); // end fragment
    assertFalse(key(b(0x7c, 0x81, 0x9a))); // start of a non-IDR slice
    assertFalse(key(b(0x7c))); // truncated
  }

  @Test
  void badBounds() {
    assertFalse(H264.isKeyframe(null, 0, 1));
    assertFalse(H264.isKeyframe(b(0x65), 0, 0));
    assertFalse(H264.isKeyframe(b(0x65), 1, 1));
    assertFalse(H264.isKeyframe(b(0x65), -1, 1));
  }
}
