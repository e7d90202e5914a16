package dev.odeon.sfu.audio;

/**
 * Parameters of the speaker ranking (docs/multiplexing.md explains each choice).
 *
 * @param intervalNanos how often a stream is ranked; also the averaging window
 * @param packetNanos the expected audio packet spacing (Opus 20 ms): a window expects
 *     {@code intervalNanos / packetNanos} packets, and missing ones (DTX, loss) count as silence
 * @param silenceLevel RFC 6464 level (-dBov) at or above which a packet counts as silence
 * @param smoothing weight of the newest window in the exponential moving average, in (0, 1]
 * @param speakingOn smoothed score at or above which a silent source starts speaking
 * @param speakingOff smoothed score below which a speaking source stops speaking (hysteresis)
 * @param overtakeRatio a speaker overtakes the one ranked above it only when its score exceeds
 *     that one's by this factor, so two similar voices do not swap every interval
 */
public record ActivityConfig(long intervalNanos, long packetNanos, int silenceLevel, double smoothing,
    double speakingOn, double speakingOff, double overtakeRatio) {

  /** The defaults: 200 ms windows, 20 ms packets, silence at -70 dBov and below. */
  public static final ActivityConfig DEFAULT =
      new ActivityConfig(200_000_000L, 20_000_000L, 70, 0.5, 8.0, 4.0, 1.3);

  public ActivityConfig {
    if (intervalNanos <= 0 || packetNanos <= 0 || packetNanos > intervalNanos) {
      throw new IllegalArgumentException("interval/packet spacing");
    }
    if (silenceLevel < 1 || silenceLevel > 127 || !(smoothing > 0 && smoothing <= 1)) {
      throw new IllegalArgumentException("silenceLevel/smoothing");
    }
    if (!(speakingOff <= speakingOn) || !(overtakeRatio >= 1)) {
      throw new IllegalArgumentException("hysteresis");
    }
  }

  /** Packets one window expects. */
  int expectedPackets() {
    return (int) Math.max(1, intervalNanos / packetNanos);
  }
}
