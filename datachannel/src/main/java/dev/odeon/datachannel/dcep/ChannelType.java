package dev.odeon.datachannel.dcep;

import dev.odeon.datachannel.sctp.ReliabilityPolicy;

/**
 * DATA_CHANNEL_OPEN channel types (RFC 8832 §5.1). The high bit means unordered; the reliability
 * parameter is a retransmission count (REXMIT) or a lifetime in milliseconds (TIMED).
 */
public enum ChannelType {
  RELIABLE(0x00),
  RELIABLE_UNORDERED(0x80),
  PARTIAL_RELIABLE_REXMIT(0x01),
  PARTIAL_RELIABLE_REXMIT_UNORDERED(0x81),
  PARTIAL_RELIABLE_TIMED(0x02),
  PARTIAL_RELIABLE_TIMED_UNORDERED(0x82);

  private final int code;

  ChannelType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public boolean ordered() {
    return (code & 0x80) == 0;
  }

  /** The SCTP policy for messages on a channel of this type. */
  public ReliabilityPolicy policy(long reliabilityParameter) {
    return switch (code & 0x7f) {
      case 0x01 -> ReliabilityPolicy.maxRetransmits((int) Math.min(Integer.MAX_VALUE,
          reliabilityParameter));
      case 0x02 -> ReliabilityPolicy.maxLifetimeMs(reliabilityParameter);
      default -> ReliabilityPolicy.RELIABLE;
    };
  }

  /** The type for a wire code, or null if unknown. */
  public static ChannelType fromCode(int code) {
    for (ChannelType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return null;
  }
}
