package dev.odeon.sfu.router;

import dev.odeon.sfu.rtcp.TransportCc;
import java.util.Arrays;

/**
 * The receive side of transport-wide congestion control for one publisher
 * (draft-holmer-rmcat-transport-wide-cc-extensions-01): records when each transport-wide sequence
 * number arrived and turns that into feedback every {@link #INTERVAL_NANOS}, so the browser's
 * send-side bandwidth estimator (GoogCC) sees our receive times and adapts the publisher's bitrate to
 * the path. Each feedback covers the numbers from the first not yet reported to the highest received
 * (at most {@link #MAX_STATUS}); a number that arrives after it was reported missing is not reported
 * again. Media thread only; time is passed in.
 */
final class TransportCcRecorder {
  /** Feedback cadence; libwebrtc receivers send every 50–250 ms. */
  static final long INTERVAL_NANOS = 50_000_000L;
  /** Packet statuses per feedback packet. */
  static final int MAX_STATUS = 256;
  private static final int RING = 4096;
  private static final int MASK = RING - 1;
  private static final long REFERENCE_UNIT_NANOS = 64_000_000L;
  private static final long DELTA_UNIT_NANOS = 250_000L;

  final int extId;
  private final long[] arrivals = new long[RING];
  private final long[] seqs = new long[RING];
  private final int[] symbols = new int[MAX_STATUS];
  private final int[] deltas = new int[MAX_STATUS];
  private boolean started;
  private long epoch;
  /** Extended (unwrapped) sequence numbers: the first not yet reported, and the highest received. */
  private long next;
  private long highest;
  private long lastFeedback;
  private int feedbackCount;

  TransportCcRecorder(int extId) {
    this.extId = extId;
    Arrays.fill(seqs, -1);
  }

  /** Records the arrival of transport-wide sequence number {@code seq} (16 bits on the wire). */
  void onPacket(long nowNanos, int seq) {
    seq &= 0xFFFF;
    long ext;
    if (!started) {
      started = true;
      epoch = nowNanos;
      lastFeedback = nowNanos;
      ext = seq;
      next = seq;
      highest = seq;
    } else {
      ext = highest + (short) (seq - (int) (highest & 0xFFFF));
      if (ext < next - RING) {
        // Far behind anything recent: the sender restarted its numbering. Start over from here
        // (same time base and feedback count, so the sender's view of time stays continuous).
        Arrays.fill(seqs, -1);
        ext = seq;
        next = seq;
        highest = seq;
      }
      if (ext < next) {
        return; // already reported (as missing): too late to matter
      }
      if (ext - next >= RING) {
        next = ext - RING + 1; // a jump beyond the ring: what fell out is not reported
      }
      highest = Math.max(highest, ext);
    }
    arrivals[(int) (ext & MASK)] = nowNanos;
    seqs[(int) (ext & MASK)] = ext;
  }

  /** Whether a feedback packet is due: something to report, and the interval passed or the window is full. */
  boolean isDue(long nowNanos) {
    return started && highest >= next
        && (nowNanos - lastFeedback >= INTERVAL_NANOS || highest - next + 1 >= MAX_STATUS);
  }

  /**
   * The next feedback packet (and marks its numbers reported), or null when nothing is waiting.
   * Receive deltas are in 250 µs units from a 64 ms reference; a gap too long for a 16-bit delta
   * (over 8 s) ends the packet early, and the rest goes in the next one.
   */
  TransportCc feedback(long nowNanos, int senderSsrc, int mediaSsrc) {
    if (!started || highest < next) {
      return null;
    }
    long first = next;
    while (first <= highest && seqs[(int) (first & MASK)] != first) {
      first++;
    }
    if (first > highest) {
      next = highest + 1;
      return null;
    }
    long reference = (arrivals[(int) (first & MASK)] - epoch) / REFERENCE_UNIT_NANOS;
    long previous = reference * (REFERENCE_UNIT_NANOS / DELTA_UNIT_NANOS);
    int count = 0;
    int received = 0;
    for (long s = next; s <= highest && count < MAX_STATUS; s++) {
      int i = (int) (s & MASK);
      if (seqs[i] != s) {
        symbols[count++] = 0;
        continue;
      }
      long ticks = (arrivals[i] - epoch) / DELTA_UNIT_NANOS;
      long delta = ticks - previous;
      if (delta < Short.MIN_VALUE || delta > Short.MAX_VALUE) {
        break;
      }
      symbols[count++] = delta >= 0 && delta <= 255 ? 1 : 2;
      deltas[received++] = (int) delta;
      previous = ticks;
    }
    // Never end on numbers not received: they may still come.
    while (count > 0 && symbols[count - 1] == 0) {
      count--;
    }
    TransportCc fb = new TransportCc(senderSsrc, mediaSsrc, (int) (next & 0xFFFF), count,
        reference & 0xFFFFFF, feedbackCount & 0xFF, Arrays.copyOf(symbols, count), Arrays.copyOf(deltas, received));
    next += count;
    feedbackCount++;
    lastFeedback = nowNanos;
    return fb;
  }
}
