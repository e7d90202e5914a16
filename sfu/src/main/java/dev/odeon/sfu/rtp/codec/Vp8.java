package dev.odeon.sfu.rtp.codec;

/**
 * VP8 RTP payload inspection (RFC 7741 §4.2 payload descriptor, §4.3 payload header). Stateless,
 * allocation-free; bad input yields false.
 *
 * <pre>
 *        0 1 2 3 4 5 6 7
 *       +-+-+-+-+-+-+-+-+
 *       |X|R|N|S|R| PID | (REQUIRED)
 *       +-+-+-+-+-+-+-+-+
 *  X:   |I|L|T|K| RSV   | (OPTIONAL)
 *       +-+-+-+-+-+-+-+-+
 *  I:   |M| PictureID   | (OPTIONAL; M=1 means a second PictureID byte follows)
 *       +-+-+-+-+-+-+-+-+
 *  L:   |   TL0PICIDX   | (OPTIONAL)
 *       +-+-+-+-+-+-+-+-+
 *  T/K: |TID|Y| KEYIDX  | (OPTIONAL)
 *       +-+-+-+-+-+-+-+-+
 *  VP8 payload header (first partition start only):
 *       |Size0|H| VER |P|   P = 0: key frame (inverse key frame flag)
 * </pre>
 */
public final class Vp8 {
  private Vp8() {}

  /**
   * Length of the payload descriptor, or -1 when it runs past the payload.
   */
  public static int descriptorLength(byte[] b, int off, int len) {
    if (b == null || off < 0 || len < 1 || off > b.length - len) {
      return -1;
    }
    int i = 1;
    if ((b[off] & 0x80) != 0) {
      if (len < 2) {
        return -1;
      }
      int x = b[off + 1] & 0xFF;
      i = 2;
      if ((x & 0x80) != 0) { // I: picture id, 7 or 15 bits.
        if (i >= len) {
          return -1;
        }
        i += (b[off + i] & 0x80) != 0 ? 2 : 1;
      }
      if ((x & 0x40) != 0) { // L: TL0PICIDX.
        i++;
      }
      if ((x & 0x30) != 0) { // T or K share one byte.
        i++;
      }
    }
    return i <= len ? i : -1;
  }

  /** True for the first packet of a frame: S=1 and partition index 0. */
  public static boolean isStartOfFrame(byte[] b, int off, int len) {
    return descriptorLength(b, off, len) > 0 && (b[off] & 0x17) == 0x10;
  }

  /**
   * True for the first packet of a key frame: start of frame and the VP8 payload header's P bit is
   * 0. Needs at least one payload header byte after the descriptor.
   */
  public static boolean isKeyframe(byte[] b, int off, int len) {
    int d = descriptorLength(b, off, len);
    if (d < 0 || d >= len || (b[off] & 0x17) != 0x10) {
      return false;
    }
    return (b[off + d] & 0x01) == 0;
  }
}
