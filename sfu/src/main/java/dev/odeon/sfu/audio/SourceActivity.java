package dev.odeon.sfu.audio;

/**
 * The voice activity of one source's audio: the RFC 6464 levels of the current window, the
 * smoothed score, and whether the source is speaking (with hysteresis). The router feeds it one
 * level per audio packet in O(1); {@link SpeakerRanking} closes the window once per interval.
 * Media thread only.
 *
 * <p>A packet's energy is {@code max(0, silenceLevel - level)}: 0 for -silenceLevel dBov or quieter,
 * up to {@code silenceLevel} for 0 dBov. A window's score is the energy sum divided by the number of
 * packets the window expected (or received, if more): a source that stops sending (DTX) or sends
 * only silence scores 0.
 */
public final class SourceActivity<K> {
  private final K key;
  private final long order;
  private final ActivityConfig config;
  private long energy;
  private int packets;
  private double score;
  private boolean speaking;
  /** When the source last spoke, for ranking silent sources by recency; its join order before. */
  private long lastSpokeNanos;
  private boolean everSpoke;
  private long ignoredLevels;
  boolean removed;

  SourceActivity(K key, long order, ActivityConfig config) {
    this.key = key;
    this.order = order;
    this.config = config;
  }

  public K key() {
    return key;
  }

  /**
   * One audio packet's RFC 6464 level, 0 (loudest) to 127 (silence). Values outside that range are
   * ignored and counted (see {@link #ignoredLevels()}); returns whether the value was used.
   */
  public boolean handleLevel(int level) {
    if (level < 0 || level > 127) {
      ignoredLevels++;
      return false;
    }
    packets++;
    energy += Math.max(0, config.silenceLevel() - level);
    return true;
  }

  /** Ends the current window: updates the score and the speaking state, starts a new window. */
  void closeWindow(long nowNanos) {
    double window = (double) energy / Math.max(packets, config.expectedPackets());
    score += (window - score) * config.smoothing();
    if (score < 1e-6) {
      score = 0;
    }
    if (speaking ? score < config.speakingOff() : score >= config.speakingOn()) {
      speaking = !speaking;
    }
    if (speaking) {
      lastSpokeNanos = nowNanos;
      everSpoke = true;
    }
    energy = 0;
    packets = 0;
  }

  public double score() {
    return score;
  }

  public boolean isSpeaking() {
    return speaking;
  }

  /** Levels outside 0..127 handed in (a caller bug or a lying packet), ignored. */
  public long ignoredLevels() {
    return ignoredLevels;
  }

  /**
   * True when this source should rank ahead of {@code other}, given that {@code other} is ranked
   * ahead now: speakers beat silent sources; among speakers the challenger must exceed the
   * incumbent's score by the overtake ratio; among silent sources the more recent speaker wins.
   */
  boolean overtakes(SourceActivity<K> other) {
    if (speaking != other.speaking) {
      return speaking;
    }
    if (speaking) {
      return score > other.score * config.overtakeRatio();
    }
    if (everSpoke != other.everSpoke) {
      return everSpoke;
    }
    return everSpoke ? lastSpokeNanos > other.lastSpokeNanos : order < other.order;
  }
}
