package dev.odeon.sfu.rtcp;

import dev.odeon.sfu.rtp.Bytes;

/**
 * Picture Loss Indication, PSFB PT 206 FMT 1 (RFC 4585 §6.3.1); no FCI.
 *
 * <pre>
 * |V=2|P|  FMT=1  |   PT=206      |          length=2             |
 * |                  SSRC of packet sender                        |
 * |                  SSRC of media source                         |
 * </pre>
 */
public record Pli(int senderSsrc, int mediaSsrc) implements RtcpPacket {
  public static final int SIZE = 12;

  static Pli parse(byte[] b, int off, int len) {
    return len < SIZE ? null : new Pli(Bytes.i32(b, off + 4), Bytes.i32(b, off + 8));
  }

  @Override
  public int size() {
    return SIZE;
  }

  @Override
  public int writeTo(byte[] dst, int off) {
    RtcpHeader.write(dst, off, RtcpHeader.FMT_PLI, RtcpHeader.PSFB, SIZE);
    Bytes.put32(dst, off + 4, senderSsrc);
    Bytes.put32(dst, off + 8, mediaSsrc);
    return SIZE;
  }
}
