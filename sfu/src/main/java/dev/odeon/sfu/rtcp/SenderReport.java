package dev.odeon.sfu.rtcp;

import dev.odeon.sfu.rtp.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Sender Report, PT 200 (RFC 3550 §6.4.1). {@code ntpTimestamp} is the full 64-bit NTP value;
 * the RTP timestamp and counts are unsigned 32-bit values in longs. Profile-specific extensions
 * after the report blocks are ignored.
 *
 * <pre>
 * |V=2|P|    RC   |   PT=SR=200   |             length            |
 * |                         SSRC of sender                        |
 * |              NTP timestamp, most significant word             |
 * |             NTP timestamp, least significant word             |
 * |                         RTP timestamp                         |
 * |                     sender's packet count                     |
 * |                      sender's octet count                     |
 * |                 report blocks (RC x 24 bytes)                 |
 * </pre>
 */
public record SenderReport(int ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount,
    long octetCount, List<ReportBlock> reports) implements RtcpPacket {

  public SenderReport {
    reports = List.copyOf(reports);
  }

  static SenderReport parse(byte[] b, int off, int len, int rc) {
    if (len < 28 + rc * ReportBlock.SIZE) {
      return null;
    }
    List<ReportBlock> blocks = new ArrayList<>(rc);
    for (int k = 0; k < rc; k++) {
      blocks.add(ReportBlock.parse(b, off + 28 + k * ReportBlock.SIZE));
    }
    long ntp = Bytes.u32(b, off + 8) << 32 | Bytes.u32(b, off + 12);
    return new SenderReport(Bytes.i32(b, off + 4), ntp, Bytes.u32(b, off + 16),
        Bytes.u32(b, off + 20), Bytes.u32(b, off + 24), blocks);
  }

  @Override
  public int size() {
    return 28 + reports.size() * ReportBlock.SIZE;
  }

  @Override
  public int writeTo(byte[] dst, int off) {
    int n = size();
    RtcpHeader.write(dst, off, reports.size(), RtcpHeader.SR, n);
    Bytes.put32(dst, off + 4, ssrc);
    Bytes.put32(dst, off + 8, ntpTimestamp >>> 32);
    Bytes.put32(dst, off + 12, ntpTimestamp);
    Bytes.put32(dst, off + 16, rtpTimestamp);
    Bytes.put32(dst, off + 20, packetCount);
    Bytes.put32(dst, off + 24, octetCount);
    ReportBlock.writeAll(reports, dst, off + 28);
    return n;
  }
}
