package dev.odeon.sfu.router;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NackSchedulerTest {
  private static final long MS = 1_000_000L;
  private final NackScheduler nacks = new NackScheduler();
  private final int[] out = new int[64];

  private int[] due(long now) {
    return Arrays.copyOf(out, nacks.due(now, out));
  }

  @Test
  void gapAcrossWraparoundIsAskedInOrder() {
    nacks.onPacket(0, 65533);
    nacks.onPacket(MS, 2); // 65534, 65535, 0, 1 missing
    assertArrayEquals(new int[] {65534, 65535, 0, 1}, due(MS));
    nacks.onPacket(2 * MS, 0);
    nacks.onPacket(3 * MS, 65535);
    assertArrayEquals(new int[0], due(50 * MS), "the rest waits for the retry interval");
    assertArrayEquals(new int[] {65534, 1}, due(101 * MS));
  }

  @Test
  void aJumpTooLargeToRepairIsNotAsked() {
    nacks.onPacket(0, 10);
    nacks.onPacket(MS, 12);
    nacks.onPacket(2 * MS, 12 + NackScheduler.MAX_GAP + 1);
    assertEquals(0, nacks.missing(), "the earlier loss goes too: a keyframe repairs both");
    assertArrayEquals(new int[0], due(3 * MS));
  }

  @Test
  void expiresAfterThreeTriesOrASecond() {
    nacks.onPacket(0, 1);
    nacks.onPacket(0, 3);
    assertArrayEquals(new int[] {2}, due(0));
    assertArrayEquals(new int[] {2}, due(100 * MS));
    assertArrayEquals(new int[] {2}, due(200 * MS));
    assertArrayEquals(new int[0], due(300 * MS));
    assertEquals(0, nacks.missing());

    nacks.onPacket(400 * MS, 5);
    assertArrayEquals(new int[] {4}, due(400 * MS));
    assertArrayEquals(new int[0], due(1401 * MS), "older than a second");
    assertEquals(0, nacks.missing());
  }

  @Test
  void keepsTheNewestWhenFull() {
    int seq = 0;
    nacks.onPacket(0, seq);
    for (int i = 0; i < 100; i++) {
      seq += 3; // two lost each time
      nacks.onPacket(0, seq);
    }
    assertEquals(NackScheduler.MAX_MISSING, nacks.missing());
    int[] first = due(0);
    assertEquals(64, first.length, "one NACK carries at most what the caller's array holds");
    // 128 kept = the last 64 gaps of two: the oldest kept is the first of the gap before seq - 3 * 63.
    assertEquals(seq - 3 * (NackScheduler.MAX_MISSING / 2) + 1, first[0], "the oldest kept");
  }

  @Test
  void aRestartOfTheNumberingForgetsTheOldLoss() {
    nacks.onPacket(0, 40000);
    nacks.onPacket(MS, 40003);
    assertEquals(2, nacks.missing());
    nacks.onPacket(2 * MS, 7); // far behind: a restart
    assertEquals(0, nacks.missing());
    nacks.onPacket(3 * MS, 9);
    assertArrayEquals(new int[] {8}, due(3 * MS), "the new numbering is tracked");
  }
}
