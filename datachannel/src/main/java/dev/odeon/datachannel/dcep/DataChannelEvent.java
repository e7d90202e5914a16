package dev.odeon.datachannel.dcep;

import dev.odeon.datachannel.sctp.SctpEvent;

/** What a {@link DataChannelManager} reports through {@code pollEvent()}. */
public sealed interface DataChannelEvent {

  /** A channel is usable: the peer opened it, or acknowledged ours. */
  record ChannelOpened(DataChannel channel) implements DataChannelEvent {}

  /** A text message (PPID 51, or 56 for the empty string). */
  record TextMessage(int channelId, String text) implements DataChannelEvent {}

  /** A binary message (PPID 53, or 57 for the empty message). */
  record BinaryMessage(int channelId, byte[] data) implements DataChannelEvent {}

  /** Both directions of the channel's stream were reset; its id may be reused. */
  record ChannelClosed(int channelId) implements DataChannelEvent {}

  /** A peer OPEN was refused (duplicate, wrong stream parity or malformed); nothing was opened. */
  record OpenRefused(int streamId, String reason) implements DataChannelEvent {}

  /** Association-level events (Connected, Closed, Aborted, MessageRefused) passed through. */
  record AssociationEvent(SctpEvent event) implements DataChannelEvent {}
}
