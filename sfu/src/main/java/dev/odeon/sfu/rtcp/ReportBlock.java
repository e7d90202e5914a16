package dev.odeon.sfu.rtcp;

import dev.odeon.sfu.rtp.Bytes;

/**
 * One reception report block (RFC 3550 §6.4.1), 24 bytes. {@code cumulativeLost} is the signed
 * 24-bit field sign-extended; the other 32-bit fields are unsigned in a long.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 SSRC_1 (SSRC of first source)                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | fraction lost |       cumulative number of packets lost       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           extended highest sequence number received           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      interarrival jitter                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         last SR (LSR)                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   delay since last SR (DLSR)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record ReportBlock(int ssrc, int fractionLost, int cumulativeLost, long highestSeq,
    long jitter, long lastSr, long delaySinceLastSr) {
  public static final int SIZE = 24;

  static ReportBlock parse(byte[] b, int i) {
    int lost = Bytes.u24(b, i + 5);
    return new ReportBlock(Bytes.i32(b, i), b[i + 4] & 0xFF, (lost << 8) >> 8, Bytes.u32(b, i + 8),
        Bytes.u32(b, i + 12), Bytes.u32(b, i + 16), Bytes.u32(b, i + 20));
  }

  public int writeTo(byte[] dst, int i) {
    Bytes.put32(dst, i, ssrc);
    dst[i + 4] = (byte) fractionLost;
    Bytes.put24(dst, i + 5, cumulativeLost);
    Bytes.put32(dst, i + 8, highestSeq);
    Bytes.put32(dst, i + 12, jitter);
    Bytes.put32(dst, i + 16, lastSr);
    Bytes.put32(dst, i + 20, delaySinceLastSr);
    return SIZE;
  }

  static int writeAll(java.util.List<ReportBlock> blocks, byte[] dst, int i) {
    for (ReportBlock r : blocks) {
      i += r.writeTo(dst, i);
    }
    return i;
  }
}
