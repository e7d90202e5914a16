package dev.odeon.signaling.interactive;

/**
 * The media thread's latest {@code nowNanos}, advanced by every entry into the relay or a data
 * plane, so a plane written to on behalf of another connection starts its SCTP timers at the right
 * time. Media thread only.
 */
final class MediaClock {
  private long now;
  private boolean started;

  void advance(long nowNanos) {
    if (!started || nowNanos - now > 0) {
      now = nowNanos;
      started = true;
    }
  }

  long now() {
    return now;
  }
}
