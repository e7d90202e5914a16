package dev.odeon.datachannel.sctp;

/**
 * Per-message reliability (RFC 3758 PR-SCTP as WebRTC uses it, RFC 8831 §6.1): fully reliable,
 * abandoned after a number of retransmissions, or abandoned once older than a lifetime. Partial
 * policies degrade to reliable when the peer did not announce FORWARD-TSN support.
 */
public sealed interface ReliabilityPolicy {

  /** Retransmit until acknowledged. */
  ReliabilityPolicy RELIABLE = new Reliable();

  static ReliabilityPolicy maxRetransmits(int count) {
    return new MaxRetransmits(count);
  }

  static ReliabilityPolicy maxLifetimeMs(long millis) {
    return new MaxLifetime(millis);
  }

  /** Retransmit until acknowledged. */
  record Reliable() implements ReliabilityPolicy {}

  /** Abandon after {@code count} retransmissions (0 = sent once). */
  record MaxRetransmits(int count) implements ReliabilityPolicy {
    public MaxRetransmits {
      if (count < 0) {
        throw new IllegalArgumentException("count < 0: " + count);
      }
    }
  }

  /** Abandon when not acknowledged within {@code millis} of {@code send}. */
  record MaxLifetime(long millis) implements ReliabilityPolicy {
    public MaxLifetime {
      if (millis < 0) {
        throw new IllegalArgumentException("millis < 0: " + millis);
      }
    }
  }
}
