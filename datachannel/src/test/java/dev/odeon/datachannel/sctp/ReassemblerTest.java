package dev.odeon.datachannel.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReassemblerTest {
  private final ArrayDeque<SctpEvent> events = new ArrayDeque<>();
  private final SctpCounters counters = new SctpCounters();

  private static DataChunk frag(int sid, int ssn, boolean unordered, boolean b, boolean e,
      int size, int fill) {
    byte[] p = new byte[size];
    java.util.Arrays.fill(p, (byte) fill);
    return new DataChunk(0, sid, ssn, 53, false, unordered, b, e, p);
  }

  private List<SctpEvent.MessageReceived> received() {
    return events.stream().filter(e -> e instanceof SctpEvent.MessageReceived)
        .map(e -> (SctpEvent.MessageReceived) e).toList();
  }

  @Test
  void orderedDeliveryWaitsForTheMissingSsnAcrossWrap() {
    Reassembler r = new Reassembler(10_000, 10, events, counters);
    for (int ssn = 0; ssn < 65535; ssn++) {
      r.add(ssn, frag(1, ssn, false, true, true, 1, 0));
    }
    events.clear();
    r.add(70_001, frag(1, 1, false, true, true, 1, 1)); // SSN 1 after the wrap
    r.add(70_000, frag(1, 0, false, true, true, 1, 0)); // SSN 0 is still missing
    assertEquals(0, received().size());
    r.add(69_999, frag(1, 65535, false, true, true, 1, 9));
    assertEquals(3, received().size());
    assertEquals(9, received().get(0).data()[0]);
    assertEquals(1, received().get(2).data()[0]);
    assertEquals(0, r.bufferedBytes());
  }

  @Test
  void fragmentsReassembleInAnyArrivalOrder() {
    Reassembler r = new Reassembler(10_000, 10, events, counters);
    r.add(12, frag(2, 0, true, false, true, 3, 3));
    r.add(10, frag(2, 0, true, true, false, 3, 1));
    assertEquals(6, r.bufferedBytes());
    r.add(11, frag(2, 0, true, false, false, 3, 2));
    assertArrayEquals(new byte[] {1, 1, 1, 2, 2, 2, 3, 3, 3}, received().get(0).data());
    assertEquals(0, r.bufferedBytes());
  }

  @Test
  void oversizedMessageArrivingBackwardsIsRefusedOnceAndFullyDiscarded() {
    Reassembler r = new Reassembler(2500, 10, events, counters);
    r.add(14, frag(3, 0, false, false, true, 1000, 0));
    r.add(13, frag(3, 0, false, false, false, 1000, 0));
    r.add(12, frag(3, 0, false, false, false, 1000, 0)); // 3000 bytes: refused
    assertEquals(0, r.bufferedBytes());
    r.add(11, frag(3, 0, false, false, false, 1000, 0)); // continues the refusal downwards
    r.add(10, frag(3, 0, false, true, false, 1000, 0));
    assertEquals(0, r.bufferedBytes());
    assertEquals(1, counters.refusedMessages());
    r.add(15, frag(3, 1, false, true, true, 5, 7)); // SSN 0 was skipped: SSN 1 is delivered
    assertEquals(1, received().size());
    assertEquals(5, received().get(0).data().length);
  }

  @Test
  void forwardTsnDropsHeldFragmentsAndSkipsTheSsn() {
    Reassembler r = new Reassembler(10_000, 10, events, counters);
    r.add(21, frag(4, 0, false, false, false, 100, 0)); // middle of SSN 0, never completed
    r.add(23, frag(4, 1, false, true, true, 10, 1));    // SSN 1 waits for SSN 0
    assertEquals(110, r.bufferedBytes());
    r.forward(22, new int[] {4}, new int[] {0});
    assertEquals(1, received().size(), "SSN 1 delivered once SSN 0 is skipped");
    assertEquals(0, r.bufferedBytes());
  }
}
