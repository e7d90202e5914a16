package dev.odeon.sfu.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RtpRewriterTest {
  private static final int A = 0xA;
  private static final int B = 0xB;
  private static final int C = 0xC;
  private static final int OUT = 0x5EED;
  private static final int DROP = -1;

  /** One input packet and the expected output (outSeq -1 = dropped). */
  record Step(long atMs, int ssrc, int seq, long ts, int outSeq, long outTs) {}

  static Step s(long atMs, int ssrc, int seq, long ts, int outSeq, long outTs) {
    return new Step(atMs, ssrc, seq, ts, outSeq, outTs);
  }

  static Step drop(long atMs, int ssrc, int seq, long ts) {
    return new Step(atMs, ssrc, seq, ts, DROP, DROP);
  }

  /** Video at 90 kHz: 40 ms = 3600 ticks. Rewriter starts at outSeq 1000, outTs 5000. */
  static Stream<Arguments> tables() {
    return Stream.of(
        Arguments.of("continuous", 1000, 5000L, List.of(
            s(0, A, 100, 0, 1000, 5000), s(40, A, 101, 3600, 1001, 8600),
            s(80, A, 102, 7200, 1002, 12200))),
        Arguments.of("loss gap preserved", 1000, 5000L, List.of(
            s(0, A, 100, 0, 1000, 5000), s(40, A, 101, 3600, 1001, 8600),
            s(160, A, 105, 14400, 1005, 19400), s(200, A, 106, 18000, 1006, 23000))),
        Arguments.of("reordering kept", 1000, 5000L, List.of(
            s(0, A, 100, 0, 1000, 5000), s(40, A, 102, 7200, 1002, 12200),
            s(41, A, 101, 3600, 1001, 8600), s(80, A, 103, 10800, 1003, 15800),
            s(81, A, 103, 10800, 1003, 15800))),
        Arguments.of("input seq wraparound", 1000, 5000L, List.of(
            s(0, A, 65534, 0, 1000, 5000), s(40, A, 65535, 3600, 1001, 8600),
            s(80, A, 0, 7200, 1002, 12200), s(120, A, 1, 10800, 1003, 15800))),
        Arguments.of("output seq wraparound", 65534, 5000L, List.of(
            s(0, A, 10, 0, 65534, 5000), s(40, A, 11, 3600, 65535, 8600),
            s(80, A, 12, 7200, 0, 12200), s(120, B, 900, 1, 1, 12200 + 3600))),
        Arguments.of("ts wraparound", 1000, 0xFFFF_F000L, List.of(
            s(0, A, 1, 0xFFFF_F000L, 1000, 0xFFFF_F000L),
            s(40, A, 2, 0xFFFF_F000L + 3600, 1001, (0xFFFF_F000L + 3600) & 0xFFFF_FFFFL),
            s(80, A, 3, (0xFFFF_F000L + 7200) & 0xFFFF_FFFFL, 1002,
                (0xFFFF_F000L + 7200) & 0xFFFF_FFFFL))),
        Arguments.of("switch: +1 seq, ts advanced by elapsed; old input dropped", 1000, 5000L,
            List.of(
                s(0, A, 100, 0, 1000, 5000), s(40, A, 101, 3600, 1001, 8600),
                s(100, B, 30000, 777777, 1002, 8600 + 5400), // 60 ms later
                s(140, B, 30001, 777777 + 3600, 1003, 14000 + 3600),
                drop(141, A, 101, 3600), drop(142, A, 99, 0), // A's stragglers
                drop(143, B, 29999, 777777 - 3600), // older than B's first packet
                s(180, B, 30002, 777777 + 7200, 1004, 14000 + 7200))),
        Arguments.of("switch back to a source with newer packets", 1000, 5000L, List.of(
            s(0, A, 100, 0, 1000, 5000), s(40, B, 7, 50, 1001, 5000 + 3600),
            s(80, A, 102, 7200, 1002, 8600 + 3600), s(120, A, 103, 10800, 1003, 12200 + 3600))),
        Arguments.of("switch at the same instant still advances ts by 1", 1000, 5000L, List.of(
            s(0, A, 100, 0, 1000, 5000), s(0, B, 1, 0, 1001, 5001),
            s(0, C, 1, 0, 1002, 5002))),
        Arguments.of("same-SSRC republish far back: one packet on probation", 1000, 5000L,
            List.of(
                s(0, A, 20000, 0, 1000, 5000), s(40, A, 20001, 3600, 1001, 8600),
                drop(1000, A, 3, 999), // jump of -19998: probation
                s(1040, A, 4, 999 + 3600, 1002, 8600 + 90000))), // 1 s after 20001
        Arguments.of("same-SSRC republish far forward", 1000, 5000L, List.of(
            s(0, A, 100, 0, 1000, 5000), drop(500, A, 9000, 1),
            s(540, A, 9001, 3601, 1001, 5000 + 48600))),
        Arguments.of("a single stray does not disturb the mapping", 1000, 5000L, List.of(
            s(0, A, 100, 0, 1000, 5000), drop(20, A, 40000, 9), s(40, A, 101, 3600, 1001, 8600),
            s(80, A, 102, 7200, 1002, 12200))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void table(String name, int initialSeq, long initialTs, List<Step> steps) {
    RtpRewriter rw = new RtpRewriter(OUT, 90000, initialSeq, initialTs);
    RtpRewriter.Result r = new RtpRewriter.Result();
    for (int i = 0; i < steps.size(); i++) {
      Step st = steps.get(i);
      boolean fwd = rw.rewrite(st.atMs() * 1_000_000L, st.ssrc(), st.seq(), st.ts(), r);
      String where = name + " step " + i + " " + st;
      assertEquals(st.outSeq() != DROP, fwd, where);
      if (fwd) {
        assertEquals(st.outSeq(), r.seq(), where);
        assertEquals(st.outTs(), r.timestamp(), where);
      }
    }
  }

  @Test
  void thousandSwitchesStayContinuous() {
    Random rnd = new Random(7);
    RtpRewriter rw = new RtpRewriter(OUT, 48000, 65000, 0xFFFF_0000L);
    RtpRewriter.Result r = new RtpRewriter.Result();
    long now = 0;
    int prevSeq = -1;
    long prevTs = -1;
    int forwarded = 0;
    int lastSsrc = 0;
    for (int sw = 0; sw < 1000; sw++) {
      int ssrc = rnd.nextInt();
      if (ssrc == lastSsrc) {
        ssrc++;
      }
      lastSsrc = ssrc;
      int seq = sw % 10 == 0 ? 65530 : rnd.nextInt(65536);
      long ts = sw % 7 == 0 ? 0xFFFF_FF00L : rnd.nextLong() & 0xFFFF_FFFFL;
      int packets = 1 + rnd.nextInt(20);
      now += rnd.nextInt(3) * 1_000_000L; // sometimes no time passes between inputs
      for (int k = 0; k < packets; k++) {
        assertTrue(rw.rewrite(now, ssrc, seq + k, ts + 960L * k, r), "switch " + sw);
        assertEquals(k == 0, r.newInput());
        if (prevSeq >= 0) {
          assertEquals((prevSeq + 1) & 0xFFFF, r.seq(), "seq continuity at switch " + sw);
          long step = (int) (r.timestamp() - prevTs);
          assertTrue(step > 0, "ts must move forward at switch " + sw + " k " + k);
        }
        prevSeq = r.seq();
        prevTs = r.timestamp();
        forwarded++;
        now += 20_000_000L;
      }
    }
    assertTrue(forwarded > 5000);
    assertEquals(prevSeq, rw.highestOutSeq());
    assertEquals(prevTs, rw.maxOutTimestamp());
  }

  @Test
  void rewritesAPacketInPlaceAndCountsOutput() {
    RtpRewriter rw = new RtpRewriter(OUT, 48000, 10, 1000);
    RtpRewriter.Result r = new RtpRewriter.Result();
    byte[] b = new RtpBuilder().payloadType(111).sequenceNumber(500).timestamp(960).ssrc(A)
        .payload(new byte[] {1, 2, 3}).build();
    RtpPacket p = RtpPacket.parse(b, 0, b.length);
    assertEquals(-1, rw.toOutTimestamp(960));
    assertTrue(rw.rewrite(0, p, r));
    assertEquals(OUT, p.ssrc());
    assertEquals(10, p.sequenceNumber());
    assertEquals(1000, p.timestamp());
    assertEquals(1000 + 960, rw.toOutTimestamp(960 + 960));
    assertEquals((1000L - 960 - 1000) & 0xFFFF_FFFFL, rw.toOutTimestamp(0xFFFF_FFFFL - 999));
    rw.onSent(3);
    rw.onSent(100);
    assertEquals(2, rw.packetsSent());
    assertEquals(103, rw.octetsSent());
    assertEquals(OUT, rw.outSsrc());
    assertEquals(A, rw.inputSsrc());
    byte[] late = new RtpBuilder().sequenceNumber(499).timestamp(0).ssrc(A).build();
    RtpPacket q = RtpPacket.parse(late, 0, late.length);
    assertFalse(rw.rewrite(1, q, r));
    assertEquals(A, q.ssrc()); // a dropped packet is left untouched
  }

  /** The inverse mapping answers NACKs: only numbers the current input forwarded map back. */
  @Test
  void toInSeqMapsBackOnlyTheCurrentInputsForwardedRange() {
    RtpRewriter rw = new RtpRewriter(OUT, 90000, 65534, 0);
    RtpRewriter.Result r = new RtpRewriter.Result();
    assertEquals(-1, rw.toInSeq(65534), "no input yet");
    for (int seq = 65530; seq != 4; seq = (seq + 1) & 0xFFFF) {
      assertTrue(rw.rewrite(0, A, seq, 0, r));
    }
    // In 65530 -> out 65534, so in 3 -> out 7 (both sides wrapped).
    assertEquals(65530, rw.toInSeq(65534));
    assertEquals(0, rw.toInSeq(4));
    assertEquals(3, rw.toInSeq(7));
    assertEquals(-1, rw.toInSeq(8), "not forwarded yet");
    assertEquals(-1, rw.toInSeq(65533), "before the input's first packet");
    assertTrue(rw.rewrite(10_000_000, B, 500, 0, r), "a new input");
    assertEquals(-1, rw.toInSeq(7), "the old input's numbers do not map into the new one");
    assertEquals(500, rw.toInSeq(r.seq()));
  }
}
