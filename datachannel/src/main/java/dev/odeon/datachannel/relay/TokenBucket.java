package dev.odeon.datachannel.relay;

/**
 * A token bucket (RFC 2697's single-rate idea): {@code burst} tokens, refilled at {@code rate} per
 * second of the caller's clock; each accepted message takes one. Sans-IO; one owner thread.
 */
final class TokenBucket {
  private final double ratePerNano;
  private final double burst;
  private double tokens;
  private long last;
  private boolean started;

  TokenBucket(double ratePerSecond, int burst) {
    this.ratePerNano = ratePerSecond / 1e9;
    this.burst = burst;
    this.tokens = burst;
  }

  /** Takes one token if there is one. */
  boolean tryTake(long nowNanos) {
    if (!started) {
      started = true;
      last = nowNanos;
    }
    long elapsed = nowNanos - last;
    if (elapsed > 0) {
      tokens = Math.min(burst, tokens + elapsed * ratePerNano);
      last = nowNanos;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
