package dev.odeon.datachannel.dcep;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * DATA_CHANNEL_OPEN (RFC 8832 §5.1).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Message Type |  Channel Type |            Priority           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Reliability Parameter                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Label Length          |       Protocol Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                             Label                             \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                            Protocol                           \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record DcepOpen(ChannelType channelType, int priority, long reliabilityParameter,
    String label, String protocol) implements DcepMessage {
  private static final int HEADER = 12;

  public DcepOpen {
    Objects.requireNonNull(channelType);
    Objects.requireNonNull(label);
    Objects.requireNonNull(protocol);
  }

  /**
   * Returns null when shorter than the header, the channel type is unknown, or the label and
   * protocol lengths run past the end of the buffer.
   */
  static DcepOpen parse(byte[] b) {
    if (b.length < HEADER || (b[0] & 0xff) != TYPE_OPEN) {
      return null;
    }
    ChannelType type = ChannelType.fromCode(b[1] & 0xff);
    int labelLen = u16(b, 8);
    int protocolLen = u16(b, 10);
    if (type == null || labelLen + protocolLen > b.length - HEADER) {
      return null;
    }
    long reliability = ((long) (b[4] & 0xff) << 24) | ((b[5] & 0xff) << 16) | ((b[6] & 0xff) << 8)
        | (b[7] & 0xff);
    String label = new String(b, HEADER, labelLen, StandardCharsets.UTF_8);
    String protocol = new String(b, HEADER + labelLen, protocolLen, StandardCharsets.UTF_8);
    return new DcepOpen(type, u16(b, 2), reliability, label, protocol);
  }

  private static int u16(byte[] b, int o) {
    return ((b[o] & 0xff) << 8) | (b[o + 1] & 0xff);
  }

  @Override
  public byte[] encode() {
    byte[] l = label.getBytes(StandardCharsets.UTF_8);
    byte[] p = protocol.getBytes(StandardCharsets.UTF_8);
    if (l.length > 0xffff || p.length > 0xffff) {
      throw new IllegalArgumentException("label or protocol longer than 65535 bytes");
    }
    byte[] b = new byte[HEADER + l.length + p.length];
    b[0] = TYPE_OPEN;
    b[1] = (byte) channelType.code();
    b[2] = (byte) (priority >>> 8);
    b[3] = (byte) priority;
    b[4] = (byte) (reliabilityParameter >>> 24);
    b[5] = (byte) (reliabilityParameter >>> 16);
    b[6] = (byte) (reliabilityParameter >>> 8);
    b[7] = (byte) reliabilityParameter;
    b[8] = (byte) (l.length >>> 8);
    b[9] = (byte) l.length;
    b[10] = (byte) (p.length >>> 8);
    b[11] = (byte) p.length;
    System.arraycopy(l, 0, b, HEADER, l.length);
    System.arraycopy(p, 0, b, HEADER + l.length, p.length);
    return b;
  }
}
