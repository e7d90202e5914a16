package dev.odeon.datachannel.sctp;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sending half of an association: fragments messages into DATA chunks with consecutive TSNs,
 * keeps them until cumulatively acknowledged, processes SACKs (RFC 9260 §6.2.1), runs the T3-rtx
 * timer (§6.3), fast retransmit on three miss indications (§7.2.4), congestion control (cwnd,
 * ssthresh, slow start and congestion avoidance, §7.2), the peer's receive window (§6.1) and
 * PR-SCTP abandonment with the Advanced.Peer.Ack.Point (RFC 3758 §3.5). TSNs are kept unwrapped
 * (64-bit). Owned by one association.
 */
final class OutboundQueue {
  /** We never have more than this many TSNs between the cumulative ack and the next one sent. */
  static final long MAX_TSN_SPAN = 32768;

  static final class Message {
    final ReliabilityPolicy policy;
    final long createdNanos;
    long firstTsn;
    long lastTsn;
    boolean abandoned;

    Message(ReliabilityPolicy policy, long createdNanos) {
      this.policy = policy;
      this.createdNanos = createdNanos;
    }
  }

  static final class OutChunk {
    final long tsn;
    final DataChunk data;
    final Message message;
    int sendCount;
    long lastSentNanos;
    boolean inFlight;
    boolean gapAcked;
    boolean retransmit;
    int missReports;

    OutChunk(long tsn, DataChunk data, Message message) {
      this.tsn = tsn;
      this.data = data;
      this.message = message;
    }

    int size() {
      return data.payload().length;
    }
  }

  private final int mtu;
  private final int maxPayload;
  private final int maxBuffered;
  private final RtoEstimator rto;
  private final SctpCounters counters;
  private final boolean forwardTsnSupported;
  private final TreeMap<Long, OutChunk> chunks = new TreeMap<>();
  /** TSNs flagged for retransmission, so finding the next one does not scan the whole window. */
  private final java.util.TreeSet<Long> toRetransmit = new java.util.TreeSet<>();
  private final Map<Integer, Integer> nextSsn = new HashMap<>();
  private long nextTsn;
  private long nextUnsent;
  private long cumAck;
  private long advancedPeerAckPoint;
  private long buffered;
  private long flight;
  private long cwnd;
  private long ssthresh;
  private long partialBytesAcked;
  private boolean fastRecovery;
  private long fastRecoveryExit;
  private long peerRwnd;
  private long rttTsn = -1;
  private long t3Deadline = Long.MAX_VALUE;
  private boolean forwardTsnDue;
  /** Consecutive T3 expiries without progress; doubles the timer (RFC 9260 §6.3.3 E2). */
  private int backoff;

  OutboundQueue(int initialTsn, long peerRwnd, int mtu, int maxBuffered, RtoEstimator rto,
      boolean forwardTsnSupported, SctpCounters counters) {
    this.nextTsn = (initialTsn & 0xffffffffL) + (1L << 32);
    this.nextUnsent = nextTsn;
    this.cumAck = nextTsn - 1;
    this.advancedPeerAckPoint = cumAck;
    this.mtu = mtu;
    this.maxPayload = mtu - SctpPacket.HEADER - DataChunk.HEADER - 4;
    this.maxBuffered = maxBuffered;
    this.rto = rto;
    this.forwardTsnSupported = forwardTsnSupported;
    this.counters = counters;
    this.peerRwnd = peerRwnd;
    this.cwnd = Math.min(4L * mtu, Math.max(2L * mtu, 4380));
    this.ssthresh = peerRwnd;
  }

  /** Fragments and queues a message; false when the send buffer cannot hold it. */
  boolean enqueue(long now, int sid, int ppid, byte[] data, boolean unordered,
      ReliabilityPolicy policy) {
    if (buffered + data.length > maxBuffered) {
      return false;
    }
    ReliabilityPolicy effective = forwardTsnSupported ? policy : ReliabilityPolicy.RELIABLE;
    Message m = new Message(effective, now);
    int ssn = 0;
    if (!unordered) {
      ssn = nextSsn.getOrDefault(sid, 0);
      nextSsn.put(sid, (ssn + 1) & 0xffff);
    }
    m.firstTsn = nextTsn;
    int off = 0;
    do {
      int n = Math.min(maxPayload, data.length - off);
      byte[] part = java.util.Arrays.copyOfRange(data, off, off + n);
      DataChunk c = new DataChunk((int) nextTsn, sid, ssn, ppid, false, unordered, off == 0,
          off + n == data.length, part);
      chunks.put(nextTsn, new OutChunk(nextTsn, c, m));
      nextTsn++;
      off += n;
    } while (off < data.length);
    m.lastTsn = nextTsn - 1;
    buffered += data.length;
    return true;
  }

  void resetSsn(int sid) {
    nextSsn.remove(sid);
  }

  long lastAssignedTsn() {
    return nextTsn - 1;
  }

  long bufferedBytes() {
    return buffered;
  }

  boolean isEmpty() {
    return chunks.isEmpty();
  }

  long t3Deadline() {
    return t3Deadline;
  }

  long cwnd() {
    return cwnd;
  }

  /** Next chunk allowed on the wire now (retransmissions first), or null; does not mark it sent. */
  OutChunk peekSendable(long now) {
    for (Long tsn : toRetransmit) {
      OutChunk c = chunks.get(tsn);
      if (c != null && c.retransmit && !c.message.abandoned) {
        return windowAllows(c) ? c : null;
      }
    }
    while (nextUnsent < nextTsn) {
      OutChunk c = chunks.get(nextUnsent);
      if (c != null && !c.message.abandoned && expired(c.message, now)) {
        abandon(c.message);
      }
      if (c == null || c.message.abandoned) {
        nextUnsent++;
        continue;
      }
      if (nextUnsent - cumAck > MAX_TSN_SPAN) {
        return null;
      }
      return windowAllows(c) ? c : null;
    }
    return null;
  }

  private boolean windowAllows(OutChunk c) {
    if (flight == 0) {
      return true; // One chunk may always go: zero-window probe (RFC 9260 §6.1 A).
    }
    return flight < cwnd && c.size() <= peerRwnd;
  }

  void markSent(OutChunk c, long now) {
    if (c.sendCount > 0) {
      counters.retransmissions++;
    } else if (rttTsn < 0) {
      rttTsn = c.tsn;
    }
    if (c.tsn == nextUnsent) {
      nextUnsent++;
    }
    c.sendCount++;
    c.lastSentNanos = now;
    c.retransmit = false;
    toRetransmit.remove(c.tsn);
    c.inFlight = true;
    flight += c.size();
    peerRwnd = Math.max(0, peerRwnd - c.size());
    if (t3Deadline == Long.MAX_VALUE) {
      t3Deadline = now + t3Duration();
    }
  }

  /**
   * The backed-off RTO. The backoff is undone as soon as the cumulative ack advances, as dcsctp
   * does, instead of waiting for a fresh RTT sample: when only retransmissions remain there is no
   * sample to take (Karn), and one lost retransmission would otherwise cost up to RTO.max each.
   */
  private long t3Duration() {
    return Math.min(rto.max(), rto.rto() << Math.min(backoff, 20));
  }

  /** Processes a SACK; returns true if the cumulative ack advanced. */
  boolean handleSack(long now, SackChunk sack) {
    long cum = cumAck + (sack.cumTsnAck() - (int) cumAck);
    if (cum < cumAck || cum >= Math.max(nextUnsent, advancedPeerAckPoint + 1)) {
      return false; // Stale, or acknowledges a TSN never sent (RFC 9260 §6.2.1 D i).
    }
    long flightBefore = flight;
    long acked = 0;
    boolean advanced = cum > cumAck;
    Iterator<OutChunk> it = chunks.headMap(cum, true).values().iterator();
    while (it.hasNext()) {
      OutChunk c = it.next();
      if (c.inFlight) {
        flight -= c.size();
      }
      if (!c.gapAcked && !c.message.abandoned) {
        acked += c.size();
      }
      if (c.tsn == rttTsn && c.sendCount == 1) {
        rto.addSample(now - c.lastSentNanos);
      }
      buffered -= c.size();
      it.remove();
    }
    toRetransmit.headSet(cum, true).clear();
    if (rttTsn >= 0 && rttTsn <= cum) {
      rttTsn = -1;
    }
    cumAck = cum;
    if (advanced) {
      backoff = 0;
    }
    advancedPeerAckPoint = Math.max(advancedPeerAckPoint, cumAck);
    long highestNewlyAcked = cum;
    for (int i = 0; i < sack.gapStarts().length; i++) {
      for (OutChunk c : chunks.subMap(cum + sack.gapStarts()[i], true, cum + sack.gapEnds()[i], true)
          .values()) {
        if (c.gapAcked || c.sendCount == 0) {
          continue;
        }
        c.gapAcked = true;
        c.retransmit = false;
        toRetransmit.remove(c.tsn);
        if (c.inFlight) {
          c.inFlight = false;
          flight -= c.size();
        }
        acked += c.size();
        highestNewlyAcked = Math.max(highestNewlyAcked, c.tsn);
      }
    }
    if (fastRecovery && cumAck >= fastRecoveryExit) {
      fastRecovery = false;
    }
    countMissIndications(now, highestNewlyAcked);
    growCwnd(advanced, acked, flightBefore);
    peerRwnd = Math.max(0, sack.aRwnd() - flight);
    advanceAckPoint();
    // RFC 3758 §3.5 C: a SACK that leaves the cumulative ack below the ack point calls for a
    // FORWARD TSN, so a lost one is repaired at the next SACK rather than the next T3.
    forwardTsnDue |= advancedPeerAckPoint > cumAck;
    if (!hasOutstanding()) {
      t3Deadline = Long.MAX_VALUE;
    } else if (advanced) {
      t3Deadline = now + t3Duration();
    }
    return advanced;
  }

  private void countMissIndications(long now, long highestNewlyAcked) {
    if (highestNewlyAcked <= cumAck) {
      return;
    }
    boolean lossSeen = false;
    for (OutChunk c : chunks.headMap(highestNewlyAcked, false).values()) {
      if (c.gapAcked || c.sendCount == 0 || c.message.abandoned || c.retransmit) {
        continue;
      }
      if (++c.missReports == 3) {
        c.missReports = 0;
        markForRetransmit(c, now);
        counters.fastRetransmits++;
        lossSeen = true;
      }
    }
    if (lossSeen && !fastRecovery) {
      fastRecovery = true;
      fastRecoveryExit = nextUnsent - 1;
      ssthresh = Math.max(cwnd / 2, 4L * mtu);
      cwnd = ssthresh;
      partialBytesAcked = 0;
    }
  }

  private void growCwnd(boolean advanced, long acked, long flightBefore) {
    if (!advanced || fastRecovery || flightBefore + mtu < cwnd) {
      return;
    }
    if (cwnd <= ssthresh) {
      cwnd += Math.min(acked, mtu);
    } else {
      partialBytesAcked += acked;
      if (partialBytesAcked >= cwnd) {
        partialBytesAcked -= cwnd;
        cwnd += mtu;
      }
    }
  }

  private void markForRetransmit(OutChunk c, long now) {
    if (c.inFlight) {
      c.inFlight = false;
      flight -= c.size();
    }
    if (exhausted(c, now)) {
      abandon(c.message);
    } else {
      c.retransmit = true;
      toRetransmit.add(c.tsn);
    }
  }

  private boolean exhausted(OutChunk c, long now) {
    if (c.message.policy instanceof ReliabilityPolicy.MaxRetransmits r) {
      return c.sendCount > r.count();
    }
    return expired(c.message, now);
  }

  private static boolean expired(Message m, long now) {
    return m.policy instanceof ReliabilityPolicy.MaxLifetime l
        && now - m.createdNanos > l.millis() * 1_000_000L;
  }

  private void abandon(Message m) {
    if (m.abandoned) {
      return;
    }
    m.abandoned = true;
    counters.abandonedMessages++;
    for (OutChunk c : chunks.subMap(m.firstTsn, true, m.lastTsn, true).values()) {
      if (c.inFlight) {
        c.inFlight = false;
        flight -= c.size();
      }
      c.retransmit = false;
      toRetransmit.remove(c.tsn);
    }
    advanceAckPoint();
  }

  /**
   * RFC 3758 §3.5 C1: only abandoned chunks are skipped. Skipping a gap-acked chunk would let the
   * receiver drop fragments of a reliable message whose other fragments are still missing.
   */
  private void advanceAckPoint() {
    long before = advancedPeerAckPoint;
    while (true) {
      OutChunk c = chunks.get(advancedPeerAckPoint + 1);
      if (c == null || !c.message.abandoned) {
        break;
      }
      advancedPeerAckPoint++;
    }
    if (advancedPeerAckPoint > before && advancedPeerAckPoint > cumAck) {
      forwardTsnDue = true;
    }
  }

  private boolean hasOutstanding() {
    if (advancedPeerAckPoint > cumAck) {
      return true;
    }
    for (OutChunk c : chunks.headMap(nextUnsent, false).values()) {
      if (!c.gapAcked && !c.message.abandoned) {
        return true;
      }
    }
    return false;
  }

  /** T3-rtx expiry (RFC 9260 §6.3.3); returns true if it counted as an error. */
  boolean handleT3(long now) {
    if (now < t3Deadline) {
      return false;
    }
    t3Deadline = Long.MAX_VALUE;
    // Lifetime-expired messages are abandoned first so they are not retransmitted.
    for (OutChunk c : chunks.headMap(nextUnsent, false).values()) {
      if (!c.message.abandoned && expired(c.message, now)) {
        abandon(c.message);
      }
    }
    if (!hasOutstanding()) {
      return false;
    }
    counters.timeouts++;
    backoff++;
    ssthresh = Math.max(cwnd / 2, 4L * mtu);
    cwnd = mtu;
    partialBytesAcked = 0;
    fastRecovery = false;
    rttTsn = -1;
    for (OutChunk c : chunks.headMap(nextUnsent, false).values()) {
      if (!c.gapAcked && !c.message.abandoned && c.sendCount > 0) {
        markForRetransmit(c, now);
      }
    }
    if (advancedPeerAckPoint > cumAck) {
      forwardTsnDue = true;
    }
    if (hasOutstanding()) {
      t3Deadline = now + t3Duration();
    }
    return true;
  }

  /** A FORWARD TSN to send now, or null (RFC 3758 §3.5 C). */
  ForwardTsnChunk pollForwardTsn(long now) {
    if (!forwardTsnDue || advancedPeerAckPoint <= cumAck) {
      forwardTsnDue = false;
      return null;
    }
    forwardTsnDue = false;
    Map<Integer, Integer> skip = new TreeMap<>();
    for (OutChunk c : chunks.headMap(advancedPeerAckPoint, true).values()) {
      if (c.message.abandoned && !c.data.unordered()) {
        skip.put(c.data.streamId(), c.data.ssn());
      }
    }
    int[] sids = skip.keySet().stream().mapToInt(Integer::intValue).toArray();
    int[] ssns = skip.values().stream().mapToInt(Integer::intValue).toArray();
    if (t3Deadline == Long.MAX_VALUE) {
      t3Deadline = now + t3Duration();
    }
    return new ForwardTsnChunk((int) advancedPeerAckPoint, sids, ssns);
  }

  /** SHUTDOWN carries a cumulative ack only (RFC 9260 §9.2). */
  boolean handleCumulativeAck(long now, int cumTsnAck) {
    return handleSack(now, new SackChunk(cumTsnAck, peerRwnd + flight, new int[0], new int[0],
        new int[0]));
  }
}
