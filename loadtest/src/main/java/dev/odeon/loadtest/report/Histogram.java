package dev.odeon.loadtest.report;

/**
 * A fixed-resolution latency histogram: 20 µs buckets up to 4 s, larger values in the last bucket.
 * Recording is allocation-free; not thread-safe (each loop owns one, merge afterwards).
 */
public final class Histogram {
  private static final long BUCKET_NANOS = 20_000;
  private static final int BUCKETS = 200_000;
  private final long[] counts = new long[BUCKETS];
  private long total;
  private long max;

  public void record(long nanos) {
    long v = Math.max(0, nanos);
    counts[(int) Math.min(BUCKETS - 1, v / BUCKET_NANOS)]++;
    total++;
    max = Math.max(max, v);
  }

  public long count() {
    return total;
  }

  public void reset() {
    java.util.Arrays.fill(counts, 0);
    total = 0;
    max = 0;
  }

  public void addAll(Histogram other) {
    for (int i = 0; i < BUCKETS; i++) {
      counts[i] += other.counts[i];
    }
    total += other.total;
    max = Math.max(max, other.max);
  }

  /** The {@code p}-th percentile (0..100) in milliseconds (bucket upper bound), or 0 when empty. */
  public double percentileMs(double p) {
    if (total == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(p / 100.0 * total);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= Math.max(1, rank)) {
        return Math.min((i + 1) * BUCKET_NANOS, max) / 1e6;
      }
    }
    return max / 1e6;
  }

  public double maxMs() {
    return max / 1e6;
  }
}
