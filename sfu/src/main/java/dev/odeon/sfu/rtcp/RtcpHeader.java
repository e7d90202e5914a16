package dev.odeon.sfu.rtcp;

import dev.odeon.sfu.rtp.Bytes;

/**
 * The common RTCP header (RFC 3550 §6.4.1) and packet type numbers.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P| RC/FMT  |      PT       |      length (words - 1)       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
final class RtcpHeader {
  static final int SR = 200;
  static final int RR = 201;
  static final int SDES = 202;
  static final int BYE = 203;
  static final int RTPFB = 205;
  static final int PSFB = 206;
  static final int FMT_NACK = 1;
  static final int FMT_TCC = 15;
  static final int FMT_PLI = 1;
  static final int FMT_FIR = 4;
  static final int FMT_AFB = 15;
  static final int MAX_COUNT = 31;

  private RtcpHeader() {}

  /** Writes a header for a packet of {@code totalBytes} (a multiple of 4) without padding. */
  static void write(byte[] dst, int off, int countOrFmt, int pt, int totalBytes) {
    if (countOrFmt < 0 || countOrFmt > MAX_COUNT) {
      throw new IllegalStateException("RTCP count/fmt " + countOrFmt + " does not fit 5 bits");
    }
    if ((totalBytes & 3) != 0 || totalBytes < 4 || totalBytes > 4 * 65536) {
      throw new IllegalStateException("RTCP packet size " + totalBytes);
    }
    dst[off] = (byte) (0x80 | countOrFmt);
    dst[off + 1] = (byte) pt;
    Bytes.put16(dst, off + 2, totalBytes / 4 - 1);
  }

  static int padTo4(int n) {
    return (n + 3) & ~3;
  }
}
