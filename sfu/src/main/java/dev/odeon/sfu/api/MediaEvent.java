package dev.odeon.sfu.api;

import java.util.List;

/** Things the engine tells the signaling layer. Delivered on the media thread. */
public sealed interface MediaEvent {

  /** A source started sending media: viewers of {@code stream} should be told. */
  record SourceActive(StreamId stream, SourceId source, List<Track> tracks) implements MediaEvent {}

  /** A source stopped (unpublished, connection lost, consent expired). */
  record SourceInactive(StreamId stream, SourceId source) implements MediaEvent {}

  /**
   * The server switched the source feeding one of a viewer's multiplexed audio slots (the
   * {@code vad} event). Emitted before the slot's first packet from the new source; {@code source}
   * is null when the slot goes idle.
   */
  record SlotChanged(SessionId viewer, String mid, SourceId source) implements MediaEvent {}

  /** A session ended on the engine's side (ICE consent lost, DTLS failure, closed). */
  record SessionClosed(SessionId session, String reason) implements MediaEvent {}
}
