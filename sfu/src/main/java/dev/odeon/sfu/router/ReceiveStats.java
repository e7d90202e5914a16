package dev.odeon.sfu.router;

/**
 * Reception statistics of one incoming RTP stream, kept as RFC 3550 Appendix A.1, A.3 and A.8
 * describe, to fill the report blocks of the receiver reports the SFU sends to publishers.
 * Media thread only.
 */
final class ReceiveStats {
  private static final int MAX_DROPOUT = 3000;
  private static final int MAX_MISORDER = 100;

  private final int clockRate;
  private boolean started;
  private int maxSeq;
  private long cycles;
  private int baseSeq;
  private long received;
  private long expectedPrior;
  private long receivedPrior;
  private long lastTransit;
  private boolean haveTransit;
  private double jitter;
  private long lastSrCompactNtp;
  private long lastSrArrivalNanos;

  ReceiveStats(int clockRate) {
    this.clockRate = clockRate;
  }

  /** Accounts one received packet (RFC 3550 A.1 update_seq, A.8 jitter). */
  void onPacket(long nowNanos, int seq, long rtpTimestamp) {
    if (!started) {
      started = true;
      baseSeq = seq;
      maxSeq = seq;
    } else {
      int delta = (seq - maxSeq) & 0xFFFF;
      if (delta < MAX_DROPOUT) {
        if (seq < maxSeq) {
          cycles += 1L << 16;
        }
        maxSeq = seq;
      } else if (delta <= 65536 - MAX_MISORDER) {
        // A very large jump: the sender restarted its sequence. Resynchronise.
        baseSeq = seq;
        maxSeq = seq;
        cycles = 0;
        received = 0;
        expectedPrior = 0;
        receivedPrior = 0;
      }
      // Otherwise a duplicate or reordered packet: counted below, max unchanged.
    }
    received++;
    long arrival = nowNanos / 1000 * clockRate / 1_000_000L;
    long transit = arrival - rtpTimestamp;
    if (haveTransit) {
      long d = Math.abs(transit - lastTransit);
      jitter += (d - jitter) / 16.0;
    }
    lastTransit = transit;
    haveTransit = true;
  }

  /** Remembers a sender report for LSR/DLSR (RFC 3550 §6.4.1). */
  void onSenderReport(long nowNanos, long ntpTimestamp) {
    lastSrCompactNtp = (ntpTimestamp >>> 16) & 0xFFFFFFFFL;
    lastSrArrivalNanos = nowNanos;
  }

  boolean hasData() {
    return started;
  }

  long extendedHighestSeq() {
    return cycles + maxSeq;
  }

  /** Computes fraction lost since the previous call and moves the interval (RFC 3550 A.3). */
  int takeFractionLost() {
    long expected = extendedHighestSeq() - baseSeq + 1;
    long expectedInterval = expected - expectedPrior;
    long receivedInterval = received - receivedPrior;
    expectedPrior = expected;
    receivedPrior = received;
    long lostInterval = expectedInterval - receivedInterval;
    if (expectedInterval == 0 || lostInterval <= 0) {
      return 0;
    }
    return (int) Math.min(255, (lostInterval << 8) / expectedInterval);
  }

  /** Cumulative packets lost, clamped to the 24-bit signed field. */
  int cumulativeLost() {
    long lost = extendedHighestSeq() - baseSeq + 1 - received;
    return (int) Math.max(-0x800000, Math.min(0x7FFFFF, lost));
  }

  long jitter() {
    return (long) jitter;
  }

  long lastSr() {
    return lastSrCompactNtp;
  }

  /** Delay since the last SR in units of 1/65536 s, or 0 when none was received. */
  long delaySinceLastSr(long nowNanos) {
    if (lastSrArrivalNanos == 0) {
      return 0;
    }
    return ((nowNanos - lastSrArrivalNanos) * 65536L / 1_000_000_000L) & 0xFFFFFFFFL;
  }
}
