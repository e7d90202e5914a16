package dev.odeon.datachannel.dcep;

/** A DCEP message (RFC 8832 §5): OPEN or ACK. */
public sealed interface DcepMessage permits DcepOpen, DcepAck {
  int TYPE_ACK = 0x02;
  int TYPE_OPEN = 0x03;

  /** Parses a PPID-50 payload; null when malformed or of an unknown message type. */
  static DcepMessage parse(byte[] b) {
    if (b == null || b.length < 1) {
      return null;
    }
    return switch (b[0] & 0xff) {
      case TYPE_OPEN -> DcepOpen.parse(b);
      case TYPE_ACK -> DcepAck.parse(b);
      default -> null;
    };
  }

  byte[] encode();
}
