package dev.odeon.sfu.rtcp;

import dev.odeon.sfu.rtp.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Goodbye, PT 203 (RFC 3550 §6.6). {@code reason} is null when absent; written as UTF-8 truncated
 * to 255 bytes.
 *
 * <pre>
 * |V=2|P|    SC   |   PT=BYE=203  |             length            |
 * |                           SSRC/CSRC  (SC times)               |
 * |     length    |               reason for leaving            ... (opt)
 * </pre>
 */
public record Bye(List<Integer> ssrcs, String reason) implements RtcpPacket {

  public Bye {
    ssrcs = List.copyOf(ssrcs);
  }

  static Bye parse(byte[] b, int off, int len, int sc) {
    int i = off + 4 + 4 * sc;
    if (i > off + len) {
      return null;
    }
    List<Integer> ids = new ArrayList<>(sc);
    for (int k = 0; k < sc; k++) {
      ids.add(Bytes.i32(b, off + 4 + 4 * k));
    }
    String reason = null;
    if (i < off + len) {
      int n = b[i] & 0xFF;
      if (i + 1 + n > off + len) {
        return null;
      }
      reason = new String(b, i + 1, n, StandardCharsets.UTF_8);
    }
    return new Bye(ids, reason);
  }

  private byte[] reasonBytes() {
    if (reason == null) {
      return null;
    }
    byte[] raw = reason.getBytes(StandardCharsets.UTF_8);
    return raw.length <= 255 ? raw : java.util.Arrays.copyOf(raw, 255);
  }

  @Override
  public int size() {
    byte[] r = reasonBytes();
    return 4 + 4 * ssrcs.size() + (r == null ? 0 : RtcpHeader.padTo4(1 + r.length));
  }

  @Override
  public int writeTo(byte[] dst, int off) {
    int n = size();
    RtcpHeader.write(dst, off, ssrcs.size(), RtcpHeader.BYE, n);
    int i = off + 4;
    for (int s : ssrcs) {
      Bytes.put32(dst, i, s);
      i += 4;
    }
    byte[] r = reasonBytes();
    if (r != null) {
      dst[i] = (byte) r.length;
      System.arraycopy(r, 0, dst, i + 1, r.length);
      for (int p = i + 1 + r.length; p < off + n; p++) {
        dst[p] = 0;
      }
    }
    return n;
  }
}
