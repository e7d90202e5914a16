package dev.odeon.sfu.rtcp;

import dev.odeon.sfu.rtp.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed RTCP compound packet (RFC 3550 §6.1): the packets that parsed, and whether anything was
 * malformed. Framing is walked with each packet's length field (RFC 3550 §6.4.1):
 *
 * <pre>
 * |V=2|P| RC/FMT  |      PT       |      length (words - 1)       |  packet 1 ...
 * |V=2|P| RC/FMT  |      PT       |      length (words - 1)       |  packet 2 ...
 * </pre>
 *
 * A length that runs past the end, a version other than 2, or a trailing fragment stops the walk
 * ({@code malformed}, packets so far kept). A well-framed packet whose body is inconsistent (short
 * SR, NACK with no FCI, bad padding, a transport-cc whose counts exceed its chunks, ...) is skipped
 * ({@code malformed}) and the walk continues. Reduced-size RTCP (RFC 5506) is accepted: the first
 * packet need not be SR/RR. Parsing never throws; stateless and safe from any thread.
 */
public record RtcpCompound(List<RtcpPacket> packets, boolean malformed) {
  public RtcpCompound {
    packets = List.copyOf(packets);
  }

  public static RtcpCompound parse(byte[] b, int off, int len) {
    if (b == null || !Bytes.inBounds(b.length, off, len)) {
      return new RtcpCompound(List.of(), true);
    }
    List<RtcpPacket> out = new ArrayList<>(4);
    boolean bad = len == 0;
    int i = off;
    int end = off + len;
    while (i < end) {
      if (end - i < 4 || (b[i] & 0xC0) != 0x80) {
        bad = true;
        break;
      }
      int plen = 4 * (Bytes.u16(b, i + 2) + 1);
      if (plen > end - i) {
        bad = true;
        break;
      }
      int body = plen;
      if ((b[i] & 0x20) != 0) {
        int pad = b[i + plen - 1] & 0xFF;
        body = pad == 0 || pad > plen - 4 ? -1 : plen - pad;
      }
      RtcpPacket p = body < 0 ? null : parseOne(b, i, body);
      if (p == null) {
        bad = true;
      } else {
        out.add(p);
      }
      i += plen;
    }
    return new RtcpCompound(out, bad);
  }

  /** Parses one packet whose framing is already checked; {@code len} excludes padding. */
  private static RtcpPacket parseOne(byte[] b, int off, int len) {
    int count = b[off] & 0x1F;
    int pt = b[off + 1] & 0xFF;
    switch (pt) {
      case RtcpHeader.SR:
        return SenderReport.parse(b, off, len, count);
      case RtcpHeader.RR:
        return ReceiverReport.parse(b, off, len, count);
      case RtcpHeader.SDES:
        return Sdes.parse(b, off, len, count);
      case RtcpHeader.BYE:
        return Bye.parse(b, off, len, count);
      case RtcpHeader.RTPFB:
        if (count == RtcpHeader.FMT_NACK) {
          return Nack.parse(b, off, len);
        }
        if (count == RtcpHeader.FMT_TCC) {
          return TransportCc.parse(b, off, len);
        }
        return new Unknown(pt, count);
      case RtcpHeader.PSFB:
        if (count == RtcpHeader.FMT_PLI) {
          return Pli.parse(b, off, len);
        }
        if (count == RtcpHeader.FMT_FIR) {
          return Fir.parse(b, off, len);
        }
        if (count == RtcpHeader.FMT_AFB && Remb.isRemb(b, off, len)) {
          return Remb.parse(b, off, len);
        }
        return new Unknown(pt, count);
      default:
        return new Unknown(pt, count);
    }
  }

  /** Total size of a compound made of {@code packets}. */
  public static int size(List<? extends RtcpPacket> packets) {
    int n = 0;
    for (RtcpPacket p : packets) {
      n += p.size();
    }
    return n;
  }

  /** Writes {@code packets} back to back at {@code dst[off]}; returns bytes written. */
  public static int write(List<? extends RtcpPacket> packets, byte[] dst, int off) {
    int i = off;
    for (RtcpPacket p : packets) {
      i += p.writeTo(dst, i);
    }
    return i - off;
  }
}
