package dev.odeon.sfu.rtcp;

import dev.odeon.sfu.rtp.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Receiver Estimated Maximum Bitrate, PSFB PT 206 FMT 15 with the "REMB" identifier
 * (draft-alvestrand-rmcat-remb-03 §2.2). Bitrate = mantissa * 2^exp bits/s; the writer picks the
 * smallest exponent whose mantissa fits 18 bits (rounding down). A decoded value that would not
 * fit a long saturates to {@link Long#MAX_VALUE}.
 *
 * <pre>
 * |V=2|P| FMT=15  |   PT=206      |             length            |
 * |                  SSRC of packet sender                        |
 * |                  SSRC of media source (0)                     |
 * |  Unique identifier 'R' 'E' 'M' 'B'                            |
 * |  Num SSRC     | BR Exp    |  BR Mantissa                      |
 * |   SSRC feedback (Num SSRC times)                              |
 * </pre>
 */
public record Remb(int senderSsrc, long bitrateBps, List<Integer> ssrcs) implements RtcpPacket {
  private static final int REMB = 'R' << 24 | 'E' << 16 | 'M' << 8 | 'B';
  private static final int MANTISSA_MAX = (1 << 18) - 1;

  public Remb {
    if (bitrateBps < 0) {
      throw new IllegalArgumentException("bitrate " + bitrateBps);
    }
    ssrcs = List.copyOf(ssrcs);
  }

  static boolean isRemb(byte[] b, int off, int len) {
    return len >= 16 && Bytes.i32(b, off + 12) == REMB;
  }

  static Remb parse(byte[] b, int off, int len) {
    if (len < 20) {
      return null;
    }
    int num = b[off + 16] & 0xFF;
    if (20 + 4 * num > len) {
      return null;
    }
    int exp = (b[off + 17] & 0xFF) >>> 2;
    long mantissa = Bytes.u24(b, off + 17) & 0x3FFFF;
    long bps = mantissa == 0 ? 0
        : exp > Long.numberOfLeadingZeros(mantissa) - 1 ? Long.MAX_VALUE : mantissa << exp;
    List<Integer> ids = new ArrayList<>(num);
    for (int k = 0; k < num; k++) {
      ids.add(Bytes.i32(b, off + 20 + 4 * k));
    }
    return new Remb(Bytes.i32(b, off + 4), bps, ids);
  }

  @Override
  public int size() {
    return 20 + 4 * ssrcs.size();
  }

  @Override
  public int writeTo(byte[] dst, int off) {
    int n = size();
    if (ssrcs.size() > 255) {
      throw new IllegalStateException("REMB with " + ssrcs.size() + " SSRCs");
    }
    RtcpHeader.write(dst, off, RtcpHeader.FMT_AFB, RtcpHeader.PSFB, n);
    Bytes.put32(dst, off + 4, senderSsrc);
    Bytes.put32(dst, off + 8, 0);
    Bytes.put32(dst, off + 12, REMB);
    int exp = 0;
    while ((bitrateBps >>> exp) > MANTISSA_MAX) {
      exp++;
    }
    long mantissa = bitrateBps >>> exp;
    dst[off + 16] = (byte) ssrcs.size();
    Bytes.put24(dst, off + 17, exp << 18 | (int) mantissa);
    for (int k = 0; k < ssrcs.size(); k++) {
      Bytes.put32(dst, off + 20 + 4 * k, ssrcs.get(k));
    }
    return n;
  }
}
