package dev.odeon.datachannel.relay;

/**
 * Limits and timings of the relay; every limit produces an {@code error} event to the sender and a
 * counter in {@link RelayCounters}.
 *
 * @param maxEventBytes largest incoming message, UTF-8 bytes (default 16 KiB)
 * @param maxDepth deepest JSON nesting accepted (default 32)
 * @param ratePerSecond token bucket refill per connection, messages per second (default 20)
 * @param burst token bucket size (default 40)
 * @param outboundQueueLimit messages queued per connection before the drop policy applies: a lossy
 *     connection drops its oldest queued message, a reliable one is disconnected (default 256)
 * @param tallyIntervalMs how often open polls push their tallies (default 1000)
 * @param wallClockOffsetMillis added to {@code nowNanos / 1e6} to stamp system event timestamps in
 *     Unix milliseconds (the composition root measures it once; tests pass 0)
 */
public record RelayConfig(int maxEventBytes, int maxDepth, double ratePerSecond, int burst,
    int outboundQueueLimit, long tallyIntervalMs, long wallClockOffsetMillis) {

  public RelayConfig {
    if (maxEventBytes < 64 || maxDepth < 2 || ratePerSecond <= 0 || burst < 1
        || outboundQueueLimit < 1 || tallyIntervalMs < 10) {
      throw new IllegalArgumentException("relay limits out of range");
    }
  }

  public static RelayConfig defaults() {
    return new RelayConfig(16 * 1024, 32, 20, 40, 256, 1000, 0);
  }

  public RelayConfig withWallClockOffsetMillis(long offset) {
    return new RelayConfig(maxEventBytes, maxDepth, ratePerSecond, burst, outboundQueueLimit,
        tallyIntervalMs, offset);
  }

  public RelayConfig withRate(double perSecond, int burstSize) {
    return new RelayConfig(maxEventBytes, maxDepth, perSecond, burstSize, outboundQueueLimit,
        tallyIntervalMs, wallClockOffsetMillis);
  }

  public RelayConfig withOutboundQueueLimit(int limit) {
    return new RelayConfig(maxEventBytes, maxDepth, ratePerSecond, burst, limit, tallyIntervalMs,
        wallClockOffsetMillis);
  }
}
