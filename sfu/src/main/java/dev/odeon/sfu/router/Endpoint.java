package dev.odeon.sfu.router;

/**
 * A peer as the router sees it: somewhere to send RTP and RTCP. The session behind it protects
 * and transmits at once. Buffers passed in must leave {@link #HEADROOM} spare bytes after the
 * packet for the SRTP tag and SRTCP index; they may be overwritten.
 */
public interface Endpoint {
  /** Spare bytes a caller leaves after a packet for SRTP/SRTCP expansion. */
  int HEADROOM = 64;

  /** True once the peer's keys are in place and it has a usable address. */
  boolean isReady();

  void sendRtp(byte[] buf, int off, int len);

  /**
   * Sends RTP that may wait a few milliseconds to leave together with the next packets to this peer
   * ({@code deferrable}: video, not the last packet of its frame).
   */
  default void sendRtp(byte[] buf, int off, int len, boolean deferrable) {
    sendRtp(buf, off, len);
  }

  void sendRtcp(byte[] buf, int off, int len);
}
