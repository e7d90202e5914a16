package dev.odeon.sfu.rtcp;

import dev.odeon.sfu.rtp.Bytes;
import java.util.Arrays;

/**
 * Transport-wide congestion control feedback, RTPFB PT 205 FMT 15
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1).
 *
 * <p>{@code symbols[i]} is the status of packet {@code baseSeq + i}: 0 not received, 1 received
 * with a small delta (1 byte, 0..255), 2 received with a large or negative delta (2 bytes signed).
 * {@code deltas} holds one receive delta per received packet, in order, in 250 µs units.
 * {@code referenceTime} is the raw 24-bit field (multiples of 64 ms). A packet whose chunks cover
 * fewer than {@code statusCount} statuses, that uses the reserved symbol 3, or whose deltas run past
 * the end, is malformed. The writer uses two-bit status vector chunks only.
 *
 * <pre>
 * |V=2|P|  FMT=15 |    PT=205     |           length              |
 * |                     SSRC of packet sender                     |
 * |                      SSRC of media source                     |
 * |      base sequence number     |      packet status count      |
 * |                 reference time                | fb pkt. count |
 * |          packet chunk         |         packet chunk          | ...
 * |         packet chunk          |  recv delta   |  recv delta   | ...
 *
 * run length chunk:   |0| S |       run length (13)       |
 * status vector chunk:|1|S|       symbol list (14)        |  S=0: 14 x 1 bit, S=1: 7 x 2 bits
 * </pre>
 */
public record TransportCc(int senderSsrc, int mediaSsrc, int baseSeq, int statusCount,
    long referenceTime, int fbCount, int[] symbols, int[] deltas) implements RtcpPacket {

  public TransportCc {
    symbols = symbols.clone();
    deltas = deltas.clone();
  }

  static TransportCc parse(byte[] b, int off, int len) {
    if (len < 20) {
      return null;
    }
    int count = Bytes.u16(b, off + 14);
    int end = off + len;
    // Pass 1 validates and sizes without allocating; pass 2 decodes.
    long sizes = walk(b, off + 20, end, count, null);
    if (sizes < 0) {
      return null;
    }
    int received = (int) (sizes >>> 32);
    int deltaStart = (int) sizes;
    int[] symbols = new int[count];
    walk(b, off + 20, end, count, symbols);
    int[] deltas = new int[received];
    int i = deltaStart;
    int k = 0;
    for (int s : symbols) {
      if (s == 1) {
        deltas[k++] = b[i++] & 0xFF;
      } else if (s == 2) {
        deltas[k++] = (short) Bytes.u16(b, i);
        i += 2;
      }
    }
    return new TransportCc(Bytes.i32(b, off + 4), Bytes.i32(b, off + 8), Bytes.u16(b, off + 12),
        count, Bytes.u24(b, off + 16), b[off + 19] & 0xFF, symbols, deltas);
  }

  /**
   * Decodes {@code count} statuses from the chunks at {@code i}, into {@code out} when non-null.
   * Returns {@code (received << 32) | deltaStartOffset}, or -1 when malformed.
   */
  private static long walk(byte[] b, int i, int end, int count, int[] out) {
    int got = 0;
    int received = 0;
    int deltaBytes = 0;
    while (got < count) {
      if (i + 2 > end) {
        return -1;
      }
      int chunk = Bytes.u16(b, i);
      i += 2;
      if ((chunk & 0x8000) == 0) {
        int sym = (chunk >>> 13) & 3;
        int n = Math.min(chunk & 0x1FFF, count - got);
        if (sym == 3) {
          return -1;
        }
        if (out != null) {
          Arrays.fill(out, got, got + n, sym);
        }
        received += sym == 0 ? 0 : n;
        deltaBytes += sym * n;
        got += n;
      } else {
        boolean twoBit = (chunk & 0x4000) != 0;
        int n = Math.min(twoBit ? 7 : 14, count - got);
        for (int k = 0; k < n; k++) {
          int sym = twoBit ? (chunk >>> (12 - 2 * k)) & 3 : (chunk >>> (13 - k)) & 1;
          if (sym == 3) {
            return -1;
          }
          if (out != null) {
            out[got + k] = sym;
          }
          received += sym == 0 ? 0 : 1;
          deltaBytes += sym;
        }
        got += n;
      }
    }
    if (deltaBytes > end - i) {
      return -1;
    }
    return (long) received << 32 | i;
  }

  private int deltaBytes() {
    int n = 0;
    for (int s : symbols) {
      n += s;
    }
    return n;
  }

  private int unpadded() {
    return 20 + 2 * ((symbols.length + 6) / 7) + deltaBytes();
  }

  @Override
  public int size() {
    return RtcpHeader.padTo4(unpadded());
  }

  @Override
  public int writeTo(byte[] dst, int off) {
    if (symbols.length != statusCount || statusCount > 0xFFFF) {
      throw new IllegalStateException("statusCount " + statusCount + " vs " + symbols.length);
    }
    int n = size();
    int pad = n - unpadded();
    RtcpHeader.write(dst, off, RtcpHeader.FMT_TCC, RtcpHeader.RTPFB, n);
    if (pad > 0) {
      dst[off] |= 0x20;
    }
    Bytes.put32(dst, off + 4, senderSsrc);
    Bytes.put32(dst, off + 8, mediaSsrc);
    Bytes.put16(dst, off + 12, baseSeq);
    Bytes.put16(dst, off + 14, statusCount);
    Bytes.put24(dst, off + 16, (int) referenceTime);
    dst[off + 19] = (byte) fbCount;
    int i = off + 20;
    for (int c = 0; c < symbols.length; c += 7) {
      int chunk = 0xC000;
      for (int k = 0; k < 7 && c + k < symbols.length; k++) {
        int sym = symbols[c + k];
        if (sym < 0 || sym > 2) {
          throw new IllegalStateException("status symbol " + sym);
        }
        chunk |= sym << (12 - 2 * k);
      }
      Bytes.put16(dst, i, chunk);
      i += 2;
    }
    i = writeDeltas(dst, i);
    for (int p = 0; p < pad; p++) {
      dst[i++] = (byte) (p == pad - 1 ? pad : 0);
    }
    return n;
  }

  private int writeDeltas(byte[] dst, int i) {
    int k = 0;
    for (int s : symbols) {
      if (s == 0) {
        continue;
      }
      if (k >= deltas.length) {
        throw new IllegalStateException("fewer deltas than received packets");
      }
      int d = deltas[k++];
      if (s == 1 && (d < 0 || d > 255) || s == 2 && (d < Short.MIN_VALUE || d > Short.MAX_VALUE)) {
        throw new IllegalStateException("delta " + d + " does not fit symbol " + s);
      }
      if (s == 1) {
        dst[i++] = (byte) d;
      } else {
        Bytes.put16(dst, i, d);
        i += 2;
      }
    }
    return i;
  }

  @Override
  public int[] symbols() {
    return symbols.clone();
  }

  @Override
  public int[] deltas() {
    return deltas.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransportCc t && senderSsrc == t.senderSsrc && mediaSsrc == t.mediaSsrc
        && baseSeq == t.baseSeq && statusCount == t.statusCount
        && referenceTime == t.referenceTime && fbCount == t.fbCount
        && Arrays.equals(symbols, t.symbols) && Arrays.equals(deltas, t.deltas);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new long[] {senderSsrc, mediaSsrc, baseSeq, statusCount, referenceTime,
        fbCount, Arrays.hashCode(symbols), Arrays.hashCode(deltas)});
  }

  @Override
  public String toString() {
    return "TransportCc[sender=" + senderSsrc + ", media=" + mediaSsrc + ", baseSeq=" + baseSeq
        + ", statusCount=" + statusCount + ", ref=" + referenceTime + ", fbCount=" + fbCount
        + ", symbols=" + Arrays.toString(symbols) + ", deltas=" + Arrays.toString(deltas) + "]";
  }
}
