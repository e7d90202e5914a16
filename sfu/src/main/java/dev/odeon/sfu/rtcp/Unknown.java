package dev.odeon.sfu.rtcp;

/**
 * A well-framed RTCP packet whose type (APP, XR, ...) or feedback format is not interpreted here.
 * Its body is not kept; writing emits only a 4-byte header with length 0.
 */
public record Unknown(int pt, int fmt) implements RtcpPacket {
  @Override
  public int size() {
    return 4;
  }

  @Override
  public int writeTo(byte[] dst, int off) {
    RtcpHeader.write(dst, off, fmt, pt, 4);
    return 4;
  }
}
