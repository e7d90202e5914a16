package dev.odeon.datachannel.sctp;

/**
 * Retransmission timeout from RTT samples (RFC 6298 §2, as RFC 9260 §6.3.1): SRTT, RTTVAR, RTO
 * clamped to [min, max], doubled on each timeout (§6.3.3 E2). Nanoseconds throughout.
 */
final class RtoEstimator {
  private static final long GRANULARITY = 1_000_000L;
  private final long min;
  private final long max;
  private long srtt = -1;
  private long rttvar;
  private long rto;

  RtoEstimator(long initialNanos, long minNanos, long maxNanos) {
    this.min = minNanos;
    this.max = maxNanos;
    this.rto = initialNanos;
  }

  void addSample(long rttNanos) {
    if (rttNanos < 0) {
      return;
    }
    if (srtt < 0) {
      srtt = rttNanos;
      rttvar = rttNanos / 2;
    } else {
      rttvar = (3 * rttvar + Math.abs(srtt - rttNanos)) / 4;
      srtt = (7 * srtt + rttNanos) / 8;
    }
    rto = Math.max(min, Math.min(max, srtt + Math.max(GRANULARITY, 4 * rttvar)));
  }

  void backoff() {
    rto = Math.min(max, rto * 2);
  }

  long rto() {
    return rto;
  }

  long max() {
    return max;
  }

  long srtt() {
    return srtt;
  }
}
