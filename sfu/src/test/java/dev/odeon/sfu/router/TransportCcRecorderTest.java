package dev.odeon.sfu.router;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odeon.sfu.rtcp.RtcpCompound;
import dev.odeon.sfu.rtcp.TransportCc;
import org.junit.jupiter.api.Test;

class TransportCcRecorderTest {
  private static final long MS = 1_000_000L;
  private static final long US = 1_000L;
  private final TransportCcRecorder rec = new TransportCcRecorder(5);

  /** Receive time of each reported packet, rebuilt the way the sender does: reference + cumulative deltas. */
  private static long[] arrivalsUs(TransportCc fb) {
    long[] out = new long[fb.deltas().length];
    long t = fb.referenceTime() * 64_000;
    for (int i = 0; i < out.length; i++) {
      t += fb.deltas()[i] * 250L;
      out[i] = t;
    }
    return out;
  }

  @Test
  void reportsStatusesAndDeltasAcrossWraparound() {
    long t0 = 70 * MS; // the epoch; reference times count from here
    rec.onPacket(t0, 65534);
    rec.onPacket(t0 + 1 * MS, 65535);
    // 0 is lost
    rec.onPacket(t0 + 3 * MS + 500 * US, 1);
    rec.onPacket(t0 + 200 * MS, 2); // a long gap: a two-byte delta
    assertTrue(rec.isDue(t0 + 200 * MS));
    TransportCc fb = rec.feedback(t0 + 200 * MS, 11, 22);
    assertEquals(65534, fb.baseSeq());
    assertEquals(5, fb.statusCount());
    assertArrayEquals(new int[] {1, 1, 0, 1, 2}, fb.symbols());
    assertArrayEquals(new long[] {0, 1000, 3500, 200_000}, arrivalsUs(fb), "arrival times relative to the first");
    assertEquals(0, fb.fbCount());
    assertFalse(rec.isDue(t0 + 300 * MS), "nothing new");
    assertNull(rec.feedback(t0 + 300 * MS, 11, 22));

    rec.onPacket(t0 + 300 * MS, 0); // the lost one arrives after it was reported: not again
    rec.onPacket(t0 + 301 * MS, 3);
    TransportCc next = rec.feedback(t0 + 360 * MS, 11, 22);
    assertEquals(3, next.baseSeq());
    assertEquals(1, next.statusCount());
    assertEquals(1, next.fbCount());
  }

  @Test
  void isDueEveryIntervalOrWhenTheWindowIsFull() {
    rec.onPacket(0, 100);
    assertFalse(rec.isDue(10 * MS));
    assertTrue(rec.isDue(TransportCcRecorder.INTERVAL_NANOS));
    rec.feedback(TransportCcRecorder.INTERVAL_NANOS, 1, 2);
    for (int i = 1; i <= TransportCcRecorder.MAX_STATUS; i++) {
      rec.onPacket(TransportCcRecorder.INTERVAL_NANOS + i * US, 100 + i);
    }
    assertTrue(rec.isDue(TransportCcRecorder.INTERVAL_NANOS + 1 * MS), "a full window goes out at once");
    TransportCc fb = rec.feedback(TransportCcRecorder.INTERVAL_NANOS + 1 * MS, 1, 2);
    assertEquals(TransportCcRecorder.MAX_STATUS, fb.statusCount());
  }

  @Test
  void feedbackRoundTripsThroughTheWireFormat() {
    for (int i = 0; i < 40; i++) {
      if (i % 7 != 3) {
        rec.onPacket(5 * MS + i * 2 * MS, 1000 + i);
      }
    }
    TransportCc fb = rec.feedback(100 * MS, 0x1111, 0x2222);
    byte[] buf = new byte[fb.size()];
    fb.writeTo(buf, 0);
    TransportCc parsed = (TransportCc) RtcpCompound.parse(buf, 0, buf.length).packets().get(0);
    assertEquals(fb.baseSeq(), parsed.baseSeq());
    assertEquals(fb.statusCount(), parsed.statusCount());
    assertArrayEquals(fb.symbols(), parsed.symbols());
    assertArrayEquals(fb.deltas(), parsed.deltas());
    assertEquals(40 - 6, fb.deltas().length, "six numbers were lost");
  }

  @Test
  void aRestartOfTheNumberingStartsOver() {
    rec.onPacket(0, 30000);
    rec.onPacket(MS, 30001);
    rec.feedback(60 * MS, 1, 2);
    rec.onPacket(70 * MS, 100); // 29,901 behind: not a late packet
    rec.onPacket(71 * MS, 101);
    TransportCc fb = rec.feedback(130 * MS, 1, 2);
    assertEquals(100, fb.baseSeq());
    assertEquals(2, fb.statusCount());
  }
}
