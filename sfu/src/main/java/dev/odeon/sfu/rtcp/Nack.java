package dev.odeon.sfu.rtcp;

import dev.odeon.sfu.rtp.Bytes;
import java.util.Arrays;

/**
 * Generic NACK, RTPFB PT 205 FMT 1 (RFC 4585 §6.2.1). {@code lostSeqs} is the expanded list: each
 * FCI's PID followed by PID+i+1 for every set bit i of its BLP. The writer packs the list in the
 * given order, starting a new FCI whenever a number is not within 1..16 after the current PID
 * (16-bit wraparound included).
 *
 * <pre>
 * |V=2|P|  FMT=1  |   PT=205      |             length            |
 * |                  SSRC of packet sender                        |
 * |                  SSRC of media source                         |
 * |            PID                |             BLP               |  FCI, repeated
 * </pre>
 */
public record Nack(int senderSsrc, int mediaSsrc, int[] lostSeqs) implements RtcpPacket {

  public Nack {
    if (lostSeqs.length == 0) {
      throw new IllegalArgumentException("a NACK needs at least one sequence number");
    }
    lostSeqs = lostSeqs.clone();
  }

  /** A copy of the expanded lost sequence numbers. */
  @Override
  public int[] lostSeqs() {
    return lostSeqs.clone();
  }

  static Nack parse(byte[] b, int off, int len) {
    int fci = len - 12;
    if (fci <= 0 || fci % 4 != 0) {
      return null;
    }
    int count = 0;
    for (int i = off + 12; i < off + len; i += 4) {
      count += 1 + Integer.bitCount(Bytes.u16(b, i + 2));
    }
    int[] seqs = new int[count];
    int k = 0;
    for (int i = off + 12; i < off + len; i += 4) {
      int pid = Bytes.u16(b, i);
      int blp = Bytes.u16(b, i + 2);
      seqs[k++] = pid;
      for (int bit = 0; bit < 16; bit++) {
        if ((blp & (1 << bit)) != 0) {
          seqs[k++] = (pid + bit + 1) & 0xFFFF;
        }
      }
    }
    return new Nack(Bytes.i32(b, off + 4), Bytes.i32(b, off + 8), seqs);
  }

  /** Number of FCI entries the writer will produce. */
  private int fciCount() {
    int n = 0;
    int pid = -1;
    for (int s : lostSeqs) {
      int d = (s - pid) & 0xFFFF;
      if (pid < 0 || d < 1 || d > 16) {
        pid = s & 0xFFFF;
        n++;
      }
    }
    return n;
  }

  @Override
  public int size() {
    return 12 + 4 * fciCount();
  }

  @Override
  public int writeTo(byte[] dst, int off) {
    int n = size();
    RtcpHeader.write(dst, off, RtcpHeader.FMT_NACK, RtcpHeader.RTPFB, n);
    Bytes.put32(dst, off + 4, senderSsrc);
    Bytes.put32(dst, off + 8, mediaSsrc);
    int i = off + 12 - 4;
    int pid = -1;
    int blp = 0;
    for (int s : lostSeqs) {
      int d = (s - pid) & 0xFFFF;
      if (pid < 0 || d < 1 || d > 16) {
        if (pid >= 0) {
          Bytes.put16(dst, i + 2, blp);
        }
        i += 4;
        pid = s & 0xFFFF;
        blp = 0;
        Bytes.put16(dst, i, pid);
      } else {
        blp |= 1 << (d - 1);
      }
    }
    if (pid >= 0) {
      Bytes.put16(dst, i + 2, blp);
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Nack other && senderSsrc == other.senderSsrc
        && mediaSsrc == other.mediaSsrc && Arrays.equals(lostSeqs, other.lostSeqs);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * senderSsrc + mediaSsrc) + Arrays.hashCode(lostSeqs);
  }

  @Override
  public String toString() {
    return "Nack[senderSsrc=" + senderSsrc + ", mediaSsrc=" + mediaSsrc + ", lostSeqs="
        + Arrays.toString(lostSeqs) + "]";
  }
}
