package dev.odeon.sfu.rtcp;

import dev.odeon.sfu.rtp.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Full Intra Request, PSFB PT 206 FMT 4 (RFC 5104 §4.3.1). The media source SSRC field is 0; the
 * targets are in the FCI entries. An FCI that is empty or not a whole number of entries is
 * malformed.
 *
 * <pre>
 * |V=2|P|  FMT=4  |   PT=206      |             length            |
 * |                  SSRC of packet sender                        |
 * |                  SSRC of media source (0)                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                              SSRC                             |  FCI, repeated
 * | Seq nr.       |    Reserved                                   |
 * </pre>
 */
public record Fir(int senderSsrc, List<FirEntry> entries) implements RtcpPacket {

  public Fir {
    entries = List.copyOf(entries);
  }

  static Fir parse(byte[] b, int off, int len) {
    int fci = len - 12;
    if (fci <= 0 || fci % 8 != 0) {
      return null;
    }
    List<FirEntry> out = new ArrayList<>(fci / 8);
    for (int i = off + 12; i < off + len; i += 8) {
      out.add(new FirEntry(Bytes.i32(b, i), b[i + 4] & 0xFF));
    }
    return new Fir(Bytes.i32(b, off + 4), out);
  }

  @Override
  public int size() {
    return 12 + 8 * entries.size();
  }

  @Override
  public int writeTo(byte[] dst, int off) {
    int n = size();
    RtcpHeader.write(dst, off, RtcpHeader.FMT_FIR, RtcpHeader.PSFB, n);
    Bytes.put32(dst, off + 4, senderSsrc);
    Bytes.put32(dst, off + 8, 0);
    int i = off + 12;
    for (FirEntry e : entries) {
      Bytes.put32(dst, i, e.ssrc());
      dst[i + 4] = (byte) e.seqNr();
      Bytes.put24(dst, i + 5, 0);
      i += 8;
    }
    return n;
  }
}
