package dev.odeon.sfu.router;

/**
 * Loss on the way in from a publisher, and when to ask for it again (generic NACK, RFC 4585
 * §6.2.1). A gap in the sequence numbers marks the missing numbers; each is requested at once, then
 * again every {@link #RETRY_NANOS} up to {@link #MAX_TRIES} times, and forgotten when it arrives,
 * after {@link #MAX_AGE_NANOS}, or when the gap is too large to be worth repairing (a keyframe
 * request serves better then). Bounded: at most {@link #MAX_MISSING} numbers are tracked. Media
 * thread only; no clock reads.
 */
final class NackScheduler {
  static final int MAX_MISSING = 128;
  /** A jump larger than this is a restart or a burst too long to repair packet by packet. */
  static final int MAX_GAP = 100;
  /** A packet further behind the highest than this is a restart of the numbering, not a late one. */
  static final int MAX_REORDER = 3000;
  static final int MAX_TRIES = 3;
  /** Between two requests for the same packet: a round trip and a bit on the networks we serve. */
  static final long RETRY_NANOS = 100_000_000L;
  static final long MAX_AGE_NANOS = 1_000_000_000L;

  private final int[] seqs = new int[MAX_MISSING];
  private final long[] firstMissed = new long[MAX_MISSING];
  private final long[] lastAsked = new long[MAX_MISSING];
  private final int[] tries = new int[MAX_MISSING];
  private int count;
  private boolean started;
  private int highest;

  /**
   * Records the arrival of {@code seq}: a number that was missing is no longer, a jump marks the
   * numbers skipped. The caller then asks for whatever {@link #due} returns; requests ride on
   * arriving packets, so a track that stops sending stops asking too.
   */
  void onPacket(long nowNanos, int seq) {
    seq &= 0xFFFF;
    if (!started) {
      started = true;
      highest = seq;
      return;
    }
    int d = (short) (seq - highest);
    if (d < -MAX_REORDER) {
      // Far behind: the numbering restarted. Nothing before it is worth asking for.
      highest = seq;
      count = 0;
      return;
    }
    if (d <= 0) {
      remove(seq);
      return;
    }
    int previous = highest;
    highest = seq;
    if (d == 1) {
      return;
    }
    if (d > MAX_GAP) {
      count = 0;
      return;
    }
    for (int missing = (previous + 1) & 0xFFFF; missing != seq; missing = (missing + 1) & 0xFFFF) {
      add(nowNanos, missing);
    }
  }

  /**
   * Collects the numbers due for a request now into {@code out} (at most {@code out.length}) and
   * records the request; returns how many. Drops numbers that are too old or asked too often.
   */
  int due(long nowNanos, int[] out) {
    int n = 0;
    int kept = 0;
    for (int i = 0; i < count; i++) {
      boolean expired = nowNanos - firstMissed[i] > MAX_AGE_NANOS || tries[i] >= MAX_TRIES;
      if (expired) {
        continue;
      }
      if (n < out.length && (tries[i] == 0 || nowNanos - lastAsked[i] >= RETRY_NANOS)) {
        out[n++] = seqs[i];
        tries[i]++;
        lastAsked[i] = nowNanos;
      }
      move(i, kept++);
    }
    count = kept;
    return n;
  }

  /** Numbers still waited for. */
  int missing() {
    return count;
  }

  private void add(long nowNanos, int seq) {
    if (count == MAX_MISSING) {
      // Keep the newest: the oldest is the least likely to arrive in time.
      for (int i = 1; i < count; i++) {
        move(i, i - 1);
      }
      count--;
    }
    seqs[count] = seq;
    firstMissed[count] = nowNanos;
    lastAsked[count] = 0;
    tries[count] = 0;
    count++;
  }

  private void remove(int seq) {
    for (int i = 0; i < count; i++) {
      if (seqs[i] == seq) {
        for (int j = i + 1; j < count; j++) {
          move(j, j - 1);
        }
        count--;
        return;
      }
    }
  }

  private void move(int from, int to) {
    if (from == to) {
      return;
    }
    seqs[to] = seqs[from];
    firstMissed[to] = firstMissed[from];
    lastAsked[to] = lastAsked[from];
    tries[to] = tries[from];
  }
}
