package dev.odeon.sfu.data;

/**
 * What the composition root plugs into the media engine to carry data channels. When present, view
 * answers accept a data channel section; each session whose answer accepted one gets a
 * {@link DataPlane} once its DTLS handshake completes. {@link #pollTimeout}/{@link #handleTimeout}
 * carry timers that belong to no single session (the relay's poll tallies). Media thread only.
 */
public interface DataPlanes {

  /** A new data plane for {@code session}, writing through {@code sink}. */
  DataPlane open(long nowNanos, DataSession session, DataSink sink);

  /** Shared timers: the next deadline, or {@link Long#MAX_VALUE}. */
  long pollTimeout();

  /** Shared timers due at {@code nowNanos}. */
  void handleTimeout(long nowNanos);
}
