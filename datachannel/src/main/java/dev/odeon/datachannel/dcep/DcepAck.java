package dev.odeon.datachannel.dcep;

/**
 * DATA_CHANNEL_ACK (RFC 8832 §5.2).
 *
 * <pre>
 *  0 1 2 3 4 5 6 7
 * +-+-+-+-+-+-+-+-+
 * |  Message Type |   0x02
 * +-+-+-+-+-+-+-+-+
 * </pre>
 */
public record DcepAck() implements DcepMessage {

  static DcepAck parse(byte[] b) {
    return b.length == 1 && (b[0] & 0xff) == TYPE_ACK ? new DcepAck() : null;
  }

  @Override
  public byte[] encode() {
    return new byte[] {TYPE_ACK};
  }
}
