package dev.odeon.datachannel.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReceiveTrackerTest {

  @Test
  void gapBlocksAndDuplicatesAcrossTsnWrap() {
    ReceiveTracker t = new ReceiveTracker(0xFFFFFFFE);
    long first = t.unwrap(0xFFFFFFFE);
    assertEquals(ReceiveTracker.Result.NEW, t.offer(first));
    assertEquals(ReceiveTracker.Result.NEW, t.offer(t.unwrap(0x00000001))); // skips FFFFFFFF, 0
    assertEquals(ReceiveTracker.Result.NEW, t.offer(t.unwrap(0x00000002)));
    assertEquals(ReceiveTracker.Result.NEW, t.offer(t.unwrap(0x00000004)));
    assertEquals(ReceiveTracker.Result.DUPLICATE, t.offer(t.unwrap(0x00000002)));
    SackChunk s = t.buildSack(1000);
    assertEquals(0xFFFFFFFE, s.cumTsnAck());
    assertArrayEquals(new int[] {3, 6}, s.gapStarts());
    assertArrayEquals(new int[] {4, 6}, s.gapEnds());
    assertArrayEquals(new int[] {2}, s.duplicates());
    t.offer(t.unwrap(0xFFFFFFFF));
    t.offer(t.unwrap(0x00000000));
    assertEquals(2, (int) t.cumulative());
    assertEquals(0, t.buildSack(1000).duplicates().length, "duplicates reported once");
  }

  @Test
  void windowAndForward() {
    ReceiveTracker t = new ReceiveTracker(100);
    assertEquals(ReceiveTracker.Result.OUT_OF_WINDOW, t.offer(t.unwrap(100 + 70_000)));
    t.offer(t.unwrap(105));
    t.forward(t.unwrap(103));
    assertEquals(103, (int) t.cumulative());
    t.offer(t.unwrap(104));
    assertEquals(105, (int) t.cumulative());
  }
}
