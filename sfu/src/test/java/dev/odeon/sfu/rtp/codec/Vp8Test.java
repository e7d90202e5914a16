package dev.odeon.sfu.rtp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Vp8Test {
  private static byte[] b(int... v) {
    byte[] out = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (byte) v[i];
    }
    return out;
  }

  @Test
  void chromeKeyframeWithPictureIdTl0AndTid() {
    // X=1 S=1 PID=0 | I L T | M=1 15-bit picture id | TL0PICIDX | TID/Y/KEYIDX | 9d 01 2a ...
    byte[] p = b(0x90, 0xe0, 0x80 | 0x12, 0x34, 0x05, 0x20, 0x10, 0x02, 0x00, 0x9d, 0x01, 0x2a);
    assertEquals(6, Vp8.descriptorLength(p, 0, p.length));
    assertTrue(Vp8.isStartOfFrame(p, 0, p.length));
    assertTrue(Vp8.isKeyframe(p, 0, p.length));
  }

  @Test
  void interFrameHasPBitSet() {
    byte[] p = b(0x90, 0x80, 0x7f, 0x31, 0x00, 0x00);
    assertEquals(3, Vp8.descriptorLength(p, 0, p.length));
    assertTrue(Vp8.isStartOfFrame(p, 0, p.length));
    assertFalse(Vp8.isKeyframe(p, 0, p.length));
  }

  @Test
  void minimalDescriptorAndContinuationPackets() {
    assertTrue(Vp8.isKeyframe(b(0x10, 0x50), 0, 2)); // no X, S=1, P=0
    assertFalse(Vp8.isKeyframe(b(0x00, 0x50), 0, 2)); // S=0: continuation
    assertFalse(Vp8.isStartOfFrame(b(0x00, 0x50), 0, 2));
    assertFalse(Vp8.isKeyframe(b(0x11, 0x50), 0, 2)); // partition 1
    assertFalse(Vp8.isStartOfFrame(b(0x11, 0x50), 0, 2));
    assertTrue(Vp8.isKeyframe(b(0xff, 0x10, 0x50), 1, 2)); // at an offset
  }

  @Test
  void truncatedDescriptorsAreNotKeyframes() {
    assertEquals(-1, Vp8.descriptorLength(b(0x90), 0, 1)); // X without its byte
    assertEquals(-1, Vp8.descriptorLength(b(0x90, 0x80), 0, 2)); // I without picture id
    assertEquals(-1, Vp8.descriptorLength(b(0x90, 0x80, 0x80), 0, 3)); // M without 2nd byte
    assertEquals(-1, Vp8.descriptorLength(b(0x90, 0x40), 0, 2)); // L without TL0PICIDX
    assertFalse(Vp8.isKeyframe(b(0x90, 0x80, 0x01), 0, 3)); // no payload header byte
    assertFalse(Vp8.isKeyframe(b(0x10), 0, 1));
    assertFalse(Vp8.isKeyframe(b(0x10, 0x00), 0, 3)); // len past the array
    assertFalse(Vp8.isKeyframe(null, 0, 0));
    assertFalse(Vp8.isStartOfFrame(b(), 0, 0));
  }
}
