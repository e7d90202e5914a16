package dev.odeon.sfu.rtcp;

import dev.odeon.sfu.rtp.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Receiver Report, PT 201 (RFC 3550 §6.4.2).
 *
 * <pre>
 * |V=2|P|    RC   |   PT=RR=201   |             length            |
 * |                     SSRC of packet sender                     |
 * |                 report blocks (RC x 24 bytes)                 |
 * </pre>
 */
public record ReceiverReport(int ssrc, List<ReportBlock> reports) implements RtcpPacket {

  public ReceiverReport {
    reports = List.copyOf(reports);
  }

  static ReceiverReport parse(byte[] b, int off, int len, int rc) {
    if (len < 8 + rc * ReportBlock.SIZE) {
      return null;
    }
    List<ReportBlock> blocks = new ArrayList<>(rc);
    for (int k = 0; k < rc; k++) {
      blocks.add(ReportBlock.parse(b, off + 8 + k * ReportBlock.SIZE));
    }
    return new ReceiverReport(Bytes.i32(b, off + 4), blocks);
  }

  @Override
  public int size() {
    return 8 + reports.size() * ReportBlock.SIZE;
  }

  @Override
  public int writeTo(byte[] dst, int off) {
    int n = size();
    RtcpHeader.write(dst, off, reports.size(), RtcpHeader.RR, n);
    Bytes.put32(dst, off + 4, ssrc);
    ReportBlock.writeAll(reports, dst, off + 8);
    return n;
  }
}
