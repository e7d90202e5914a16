package dev.odeon.datachannel.sctp;

/**
 * What an {@link SctpAssociation} reports to its owner through {@code pollEvent()}. Same thread as
 * the association.
 */
public sealed interface SctpEvent {

  /** The association reached ESTABLISHED (RFC 9260 §5.1); {@code send} is now accepted. */
  record Connected() implements SctpEvent {}

  /** A complete user message, delivered exactly once; in SSN order on ordered streams. */
  record MessageReceived(int streamId, int ppid, byte[] data) implements SctpEvent {}

  /**
   * A stream's SSN was reset (RFC 6525): {@code incoming} true when the peer reset its outgoing
   * stream (the channel is closing from the far side), false when our own reset request completed.
   */
  record StreamReset(int streamId, boolean incoming) implements SctpEvent {}

  /**
   * An incoming message was refused (larger than the maximum message size, or its reassembly
   * memory was needed); the association carries on.
   */
  record MessageRefused(int streamId, String reason) implements SctpEvent {}

  /** Graceful close finished (SHUTDOWN sequence, RFC 9260 §9.2). */
  record Closed(String reason) implements SctpEvent {}

  /** The association died: ABORT received or sent, or too many retransmissions (RFC 9260 §8.1). */
  record Aborted(String reason) implements SctpEvent {}
}
