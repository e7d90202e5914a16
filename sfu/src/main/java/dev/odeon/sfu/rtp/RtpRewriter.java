package dev.odeon.sfu.rtp;

/**
 * Rewrites SSRC, sequence number and timestamp of one outgoing stream (one viewer, one track) so it
 * stays continuous while its input changes: a publisher republishes (new SSRC or new random
 * bases), or the router switches another source in. Modelled on mediasoup's {@code SeqManager}.
 * Owned by the viewer's event-loop thread; no clock reads (time is {@code nowNanos}).
 *
 * <p>Rules (the state note for integrators):
 *
 * <ul>
 *   <li><b>New input</b> (first packet ever, a different {@code inSsrc}, or a confirmed restart of
 *       the same one): {@code outSeq = highestOutSeq + 1}; {@code outTs = maxOutTs + max(1,
 *       elapsed * clockRate)} where {@code elapsed} is the time since the packet carrying
 *       {@code maxOutTs} was forwarded, capped at 2^31-1 ticks. The very first packet maps to
 *       {@code initialOutSeq}/{@code initialOutTs}.
 *   <li><b>Same input</b>: {@code outSeq = inSeq + seqOffset (mod 2^16)}, {@code outTs = inTs +
 *       tsOffset (mod 2^32)}, so loss gaps stay visible (NACK-able) and reordering is preserved.
 *       Packets older than the input's first packet are dropped (their numbers belong to the
 *       previous input).
 *   <li><b>Jumps</b> (RFC 3550 Appendix A.1 style): with {@code d = inSeq - highestInSeq} in 16-bit
 *       serial arithmetic, {@code 0 < d <= 3000} is progress (gap preserved), {@code -1500 <= d <= 0}
 *       is reordering/duplication. Anything else is a stray or a restart of the same SSRC with new
 *       random bases: the packet is dropped and remembered; if the next packet of the input is its
 *       successor ({@code seq+1}), the input restarts there as a new input. So a same-SSRC
 *       republish loses exactly one packet, and one stray packet cannot disturb the mapping.
 *   <li><b>Old inputs</b>: the last four inputs switched away from are remembered with their
 *       highest sequence number. Their packets that are not newer than that are late stragglers
 *       and are dropped; a newer one means the router switched back, which starts a new input.
 *       The router should stop calling {@code rewrite} for an input it switched away from.
 *   <li>{@code inSsrc} is only an identity: a router may pass a producer-unique id instead of the
 *       wire SSRC to make republishing explicit.
 * </ul>
 */
public final class RtpRewriter {
  static final int MAX_DROPOUT = 3000;
  static final int MAX_MISORDER = 1500;
  private static final long TS_MASK = 0xFFFF_FFFFL;
  private static final long MAX_TICKS = 0x7FFF_FFFFL;
  private static final int RETIRED = 4;

  /** Output of one rewrite; reuse one instance per thread. */
  public static final class Result {
    private int seq;
    private long timestamp;
    private boolean newInput;

    public int seq() {
      return seq;
    }

    public long timestamp() {
      return timestamp;
    }

    /** True when this packet started a new input (the router may want a key frame here). */
    public boolean newInput() {
      return newInput;
    }
  }

  private final int outSsrc;
  private final int clockRate;
  private final long initialOutTs;
  private boolean hasInput;
  private boolean forwardedAny;
  private int inSsrc;
  private int startInSeq;
  private boolean nearStart;
  private int highestInSeq;
  private int probationSeq = -1;
  private int seqOffset;
  private long tsOffset;
  private int highestOutSeq;
  private long maxOutTs;
  private long maxOutTsNanos;
  private final int[] retiredSsrc = new int[RETIRED];
  private final int[] retiredHighest = new int[RETIRED];
  private final boolean[] retiredValid = new boolean[RETIRED];
  private int retiredNext;
  private long packetsSent;
  private long octetsSent;

  public RtpRewriter(int outSsrc, int clockRate, int initialOutSeq, long initialOutTs) {
    if (clockRate <= 0) {
      throw new IllegalArgumentException("clockRate " + clockRate);
    }
    this.outSsrc = outSsrc;
    this.clockRate = clockRate;
    this.highestOutSeq = (initialOutSeq - 1) & 0xFFFF;
    this.initialOutTs = initialOutTs & TS_MASK;
  }

  /**
   * Maps one input packet. Returns false when it must be dropped (a straggler of an old input, a
   * packet older than the current input's first one, or an out-of-window jump on probation).
   */
  public boolean rewrite(long nowNanos, int ssrc, int inSeq, long inTs, Result out) {
    int seq = inSeq & 0xFFFF;
    long ts = inTs & TS_MASK;
    out.newInput = false;
    if (!hasInput) {
      startInput(nowNanos, ssrc, seq, ts, out);
    } else if (ssrc != inSsrc) {
      if (isStraggler(ssrc, seq)) {
        return false;
      }
      retire(inSsrc, highestInSeq);
      startInput(nowNanos, ssrc, seq, ts, out);
    } else {
      int d = serial16(seq, highestInSeq);
      if (d > 0 && d <= MAX_DROPOUT) {
        highestInSeq = seq;
        probationSeq = -1;
        if (nearStart && serial16(seq, startInSeq) > MAX_MISORDER) {
          nearStart = false;
        }
      } else if (d <= 0 && d >= -MAX_MISORDER) {
        if (nearStart && serial16(seq, startInSeq) < 0) {
          return false;
        }
      } else if (seq == probationSeq) {
        startInput(nowNanos, ssrc, seq, ts, out);
      } else {
        probationSeq = (seq + 1) & 0xFFFF;
        return false;
      }
    }
    out.seq = (seq + seqOffset) & 0xFFFF;
    out.timestamp = (ts + tsOffset) & TS_MASK;
    if (serial16(out.seq, highestOutSeq) > 0) {
      highestOutSeq = out.seq;
    }
    if (!forwardedAny || serial32(out.timestamp, maxOutTs) >= 0) {
      maxOutTs = out.timestamp;
      maxOutTsNanos = nowNanos;
    }
    forwardedAny = true;
    return true;
  }

  /**
   * Maps {@code p} and, when forwarded, writes the output SSRC, sequence number and timestamp into
   * it (the viewer's own copy). Returns false when the packet must be dropped.
   */
  public boolean rewrite(long nowNanos, RtpPacket p, Result out) {
    if (!rewrite(nowNanos, p.ssrc(), p.sequenceNumber(), p.timestamp(), out)) {
      return false;
    }
    p.setSsrc(outSsrc);
    p.setSequenceNumber(out.seq);
    p.setTimestamp(out.timestamp);
    return true;
  }

  private void startInput(long nowNanos, int ssrc, int seq, long ts, Result out) {
    int outSeq = (highestOutSeq + 1) & 0xFFFF;
    long outTs = initialOutTs;
    if (forwardedAny) {
      outTs = (maxOutTs + Math.max(1, ticks(nowNanos - maxOutTsNanos))) & TS_MASK;
    }
    forget(ssrc);
    hasInput = true;
    inSsrc = ssrc;
    startInSeq = seq;
    highestInSeq = seq;
    nearStart = true;
    probationSeq = -1;
    seqOffset = (outSeq - seq) & 0xFFFF;
    tsOffset = (outTs - ts) & TS_MASK;
    out.newInput = true;
  }

  private long ticks(long elapsedNanos) {
    if (elapsedNanos <= 0) {
      return 0;
    }
    long whole = elapsedNanos / 1_000_000_000L;
    long frac = elapsedNanos % 1_000_000_000L;
    if (whole > MAX_TICKS / clockRate) {
      return MAX_TICKS;
    }
    return Math.min(MAX_TICKS, whole * clockRate + frac * clockRate / 1_000_000_000L);
  }

  private boolean isStraggler(int ssrc, int seq) {
    for (int i = 0; i < RETIRED; i++) {
      if (retiredValid[i] && retiredSsrc[i] == ssrc) {
        return serial16(seq, retiredHighest[i]) <= 0;
      }
    }
    return false;
  }

  private void retire(int ssrc, int highest) {
    forget(ssrc);
    retiredSsrc[retiredNext] = ssrc;
    retiredHighest[retiredNext] = highest;
    retiredValid[retiredNext] = true;
    retiredNext = (retiredNext + 1) % RETIRED;
  }

  private void forget(int ssrc) {
    for (int i = 0; i < RETIRED; i++) {
      if (retiredValid[i] && retiredSsrc[i] == ssrc) {
        retiredValid[i] = false;
      }
    }
  }

  /** Signed distance a - b in 16-bit serial arithmetic, in [-32768, 32767]. */
  static int serial16(int a, int b) {
    return (short) (a - b);
  }

  /** Signed distance a - b in 32-bit serial arithmetic. */
  static long serial32(long a, long b) {
    return (int) (a - b);
  }

  /**
   * The current input's sequence number that output number {@code outSeq} carries (the inverse of
   * the mapping, for answering a NACK), or -1 when {@code outSeq} does not belong to the current
   * input's forwarded range: before its first packet, above its highest, or more than
   * {@code MAX_MISORDER} behind.
   */
  public int toInSeq(int outSeq) {
    if (!hasInput) {
      return -1;
    }
    int in = (outSeq - seqOffset) & 0xFFFF;
    int d = serial16(in, highestInSeq);
    if (d > 0 || d < -MAX_MISORDER || nearStart && serial16(in, startInSeq) < 0) {
      return -1;
    }
    return in;
  }

  /**
   * Maps an input RTP timestamp of the current input to the output timeline (for translating
   * Sender Reports); -1 before any input.
   */
  public long toOutTimestamp(long inTs) {
    return hasInput ? (inTs + tsOffset) & TS_MASK : -1;
  }

  /** Counts one packet as sent on the output stream (for the output's Sender Reports). */
  public void onSent(int payloadBytes) {
    packetsSent++;
    octetsSent += payloadBytes;
  }

  public int outSsrc() {
    return outSsrc;
  }

  public int clockRate() {
    return clockRate;
  }

  /** The input identity currently mapped, valid when {@link #hasInput()}. */
  public int inputSsrc() {
    return inSsrc;
  }

  public boolean hasInput() {
    return hasInput;
  }

  public int highestOutSeq() {
    return highestOutSeq;
  }

  /** The highest (serial order) output timestamp forwarded so far. */
  public long maxOutTimestamp() {
    return maxOutTs;
  }

  public long packetsSent() {
    return packetsSent;
  }

  public long octetsSent() {
    return octetsSent;
  }
}
