package dev.odeon.datachannel.relay;

/**
 * What the relay counted. Written only by the relay's thread; {@code volatile} so a metrics scraper
 * on another thread reads recent values (single writer, so the increments are not lost).
 */
public final class RelayCounters {
  public volatile long connections;
  public volatile long sessionsActive;
  public volatile long pollsOpen;
  public volatile long eventsIn;
  public volatile long eventsOut;
  public volatile long votes;
  /** Rejected incoming messages, by {@link RelayError} ordinal. */
  private final long[] rejected = new long[RelayError.values().length];
  public volatile long droppedOldest;
  public volatile long disconnectedSlow;

  void reject(RelayError error) {
    rejected[error.ordinal()]++;
  }

  /** Incoming messages rejected with {@code error}. May lag slightly on other threads. */
  public long rejected(RelayError error) {
    return rejected[error.ordinal()];
  }
}
