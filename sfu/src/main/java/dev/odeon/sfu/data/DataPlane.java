package dev.odeon.sfu.data;

/**
 * One session's data channel endpoint (an SCTP association and what rides on it), fed with the
 * decrypted DTLS application records of that session. Created by {@link DataPlanes#open} once the
 * session's DTLS handshake completes, closed when the session ends. Media thread only; must not
 * throw for bad input (drop and count instead).
 */
public interface DataPlane {

  /** One decrypted DTLS application-data record (one SCTP packet). */
  void handleData(long nowNanos, byte[] record);

  /** Fires whatever timers are due at {@code nowNanos}. */
  void handleTimeout(long nowNanos);

  /** The next deadline for {@link #handleTimeout}, same clock, or {@link Long#MAX_VALUE}. */
  long pollTimeout();

  /** The session ended (the peer connection closed, consent expired, server shutdown). */
  void close(long nowNanos, String reason);
}
