package dev.odeon.sfu.rtp.codec;

/**
 * H.264 RTP payload inspection (RFC 6184 §5.6–5.8). Stateless, allocation-free; bad input yields
 * false.
 *
 * <pre>
 * NAL unit header (§1.3):      STAP-A (§5.7.1, type 24):            FU-A (§5.8, type 28):
 * +---------------+            +-------------+----------------+     +---------------+---------------+
 * |F|NRI|  Type   |            | STAP-A hdr  | NALU 1 size(16)| ... | FU indicator  | FU header     |
 * +---------------+            +-------------+----------------+     |F|NRI| Type=28 |S|E|R|  Type   |
 *                              | NALU 1 ...  | NALU 2 size ...|     +---------------+---------------+
 * </pre>
 *
 * A key frame is recognised by an IDR slice (type 5) or a sequence parameter set (type 7), alone,
 * inside a STAP-A, or at the start (S=1) of an FU-A.
 */
public final class H264 {
  public static final int NAL_IDR = 5;
  public static final int NAL_SPS = 7;
  public static final int STAP_A = 24;
  public static final int FU_A = 28;

  private H264() {}

  public static boolean isKeyframe(byte[] b, int off, int len) {
    if (b == null || off < 0 || len < 1 || off > b.length - len) {
      return false;
    }
    int type = b[off] & 0x1F;
    if (type >= 1 && type <= 23) {
      return isKeyNal(type);
    }
    if (type == STAP_A) {
      return stapAHasKey(b, off + 1, off + len);
    }
    if (type == FU_A) {
      if (len < 2) {
        return false;
      }
      int fu = b[off + 1] & 0xFF;
      return (fu & 0x80) != 0 && isKeyNal(fu & 0x1F);
    }
    return false;
  }

  private static boolean stapAHasKey(byte[] b, int i, int end) {
    while (i + 2 <= end) {
      int size = (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
      i += 2;
      if (size == 0 || i + size > end) {
        return false;
      }
      if (isKeyNal(b[i] & 0x1F)) {
        return true;
      }
      i += size;
    }
    return false;
  }

  private static boolean isKeyNal(int type) {
    return type == NAL_IDR || type == NAL_SPS;
  }
}
