package dev.odeon.signaling.room;

import java.time.Duration;

/**
 * How stages behave.
 *
 * @param hostGrace how long the host may be gone before the stage ends for everyone
 * @param countsInterval the least time between two {@code viewercount} or {@code hands} events
 * @param maxHandsListed how many raised hands a {@code hands} event lists (the total is always sent)
 */
public record StageConfig(Duration hostGrace, Duration countsInterval, int maxHandsListed) {
  public static final StageConfig DEFAULT = new StageConfig(Duration.ofSeconds(30), Duration.ofSeconds(2), 100);

  public StageConfig {
    if (hostGrace.isNegative() || countsInterval.isNegative() || maxHandsListed < 1) {
      throw new IllegalArgumentException("stage config out of range");
    }
  }
}
