package dev.odeon.datachannel.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Congestion control, fast retransmit, T3 and the peer window (RFC 9260 §6.3, §7.2). */
class OutboundQueueTest {
  private static final long MS = 1_000_000L;
  private final SctpCounters counters = new SctpCounters();

  private OutboundQueue queue(long peerRwnd) {
    return new OutboundQueue(100, peerRwnd, 1200, 1 << 24,
        new RtoEstimator(1000 * MS, 400 * MS, 60_000 * MS), true, counters);
  }

  private static int sendAll(OutboundQueue q, long now) {
    int n = 0;
    OutboundQueue.OutChunk c;
    while ((c = q.peekSendable(now)) != null) {
      q.markSent(c, now);
      n++;
    }
    return n;
  }

  private static SackChunk sack(int cum, int... gaps) {
    int[] starts = new int[gaps.length / 2];
    int[] ends = new int[gaps.length / 2];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = gaps[2 * i];
      ends[i] = gaps[2 * i + 1];
    }
    return new SackChunk(cum, 1 << 20, starts, ends, new int[0]);
  }

  private static void enqueue(OutboundQueue q, int messages) {
    for (int i = 0; i < messages; i++) {
      assertTrue(q.enqueue(0, 1, 53, new byte[1000], false, ReliabilityPolicy.RELIABLE));
    }
  }

  @Test
  void slowStartOpensCwndByAtMostOneMtuPerSack() {
    OutboundQueue q = queue(1 << 20);
    enqueue(q, 20);
    assertEquals(4380, q.cwnd());
    assertEquals(5, sendAll(q, 0), "initial window of 4380 bytes");
    assertTrue(q.handleSack(50 * MS, sack(104)));
    assertEquals(4380 + 1200, q.cwnd());
    assertEquals(6, sendAll(q, 50 * MS));
  }

  @Test
  void threeMissIndicationsTriggerFastRetransmitAndHalveCwnd() {
    OutboundQueue q = queue(1 << 20);
    enqueue(q, 5);
    sendAll(q, 0);
    q.handleSack(10 * MS, sack(99, 2, 2));
    q.handleSack(11 * MS, sack(99, 2, 3));
    assertEquals(0, counters.fastRetransmits());
    q.handleSack(12 * MS, sack(99, 2, 4));
    assertEquals(1, counters.fastRetransmits());
    assertEquals(4800, q.cwnd(), "ssthresh = max(cwnd / 2, 4 MTU)");
    OutboundQueue.OutChunk again = q.peekSendable(12 * MS);
    assertEquals(100, again.tsn & 0xffffffffL);
    q.markSent(again, 12 * MS);
    assertEquals(1, counters.retransmissions());
  }

  @Test
  void t3ExpiryCollapsesCwndAndBacksOff() {
    OutboundQueue q = queue(1 << 20);
    enqueue(q, 3);
    sendAll(q, 0);
    assertEquals(1000 * MS, q.t3Deadline());
    assertTrue(q.handleT3(1000 * MS));
    assertEquals(1200, q.cwnd());
    assertEquals(1000 * MS + 2000 * MS, q.t3Deadline(), "RTO doubled");
    assertEquals(2, sendAll(q, 1000 * MS), "one MTU of window: two 1000-byte chunks");
    assertEquals(2, counters.retransmissions());
  }

  @Test
  void peerReceiveWindowLimitsSending() {
    OutboundQueue q = queue(2000);
    enqueue(q, 5);
    assertEquals(2, sendAll(q, 0));
    assertNull(q.peekSendable(0));
    q.handleSack(10 * MS, new SackChunk(101, 0, new int[0], new int[0], new int[0]));
    assertEquals(1, sendAll(q, 10 * MS), "zero window: one probe chunk when nothing is in flight");
  }

  @Test
  void sackForUnsentTsnIsIgnored() {
    OutboundQueue q = queue(1 << 20);
    enqueue(q, 2);
    sendAll(q, 0);
    assertTrue(!q.handleSack(10 * MS, sack(150)));
    assertEquals(2000, q.bufferedBytes());
  }
}
