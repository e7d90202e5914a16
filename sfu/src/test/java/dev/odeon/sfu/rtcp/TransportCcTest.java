package dev.odeon.sfu.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TransportCcTest {
  private static final String HEAD = "8f cd 00 %02x 00 00 00 01 00 00 00 02 ";

  private static RtcpCompound parse(String bodyAfterHeader) {
    byte[] body = RtcpMalformedTest.hex(bodyAfterHeader);
    int words = (12 + body.length) / 4 - 1;
    byte[] all = RtcpMalformedTest.hex(String.format(HEAD, words) + bodyAfterHeader);
    return RtcpCompound.parse(all, 0, all.length);
  }

  @Test
  void runLengthAndOneBitVectorChunks() {
    // base 0xfffe, count 20, ref 0x000102, fb 3;
    // chunk 1: run-length, symbol 1 (small delta), run 3       -> 0x2003
    // chunk 2: 1-bit vector 14 symbols: 1 0 1 0 0 0 0 0 0 0 0 0 0 1 -> 0x8000|0x2801 = 0xa801
    // chunk 3: run-length, symbol 2 (large), run 2 (only 3 left, so covers 2 of them) -> 0x4002
    // chunk 4: run-length, symbol 0, run 100: only 1 needed     -> 0x0064
    // deltas: 3 small (1,2,3), 3 small (4,5,6), 2 large (-1, 1000)
    RtcpCompound c = parse("ff fe 00 14 00 01 02 03 20 03 a8 01 40 02 00 64"
        + " 01 02 03 04 05 06 ff ff 03 e8 00 00");
    assertFalse(c.malformed(), c::toString);
    TransportCc t = (TransportCc) c.packets().get(0);
    assertEquals(0xfffe, t.baseSeq());
    assertEquals(20, t.statusCount());
    assertEquals(0x000102, t.referenceTime());
    assertEquals(3, t.fbCount());
    assertArrayEquals(new int[] {1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 0},
        t.symbols());
    assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, -1, 1000}, t.deltas());
  }

  @Test
  void twoBitVectorChunk() {
    // count 7: 0xc000 | symbols 2 1 0 1 0 0 2 = 10 01 00 01 00 00 10 -> 0xe442
    RtcpCompound c = parse("00 05 00 07 00 00 00 00 e4 42 00 10 07 08 00 20");
    assertFalse(c.malformed(), c::toString);
    TransportCc t = (TransportCc) c.packets().get(0);
    assertArrayEquals(new int[] {2, 1, 0, 1, 0, 0, 2}, t.symbols());
    assertArrayEquals(new int[] {16, 7, 8, 32}, t.deltas());
  }

  @Test
  void statusCountExceedingTheChunksIsMalformed() {
    // count 50 but one run-length chunk of 10 and nothing else.
    assertTrue(parse("00 00 00 32 00 00 00 00 20 0a 01 02").malformed());
    // count 15 with one 2-bit vector chunk (7 statuses).
    assertTrue(parse("00 00 00 0f 00 00 00 00 c0 00 00 00").malformed());
  }

  @Test
  void deltasPastTheEndAndReservedSymbolsAreMalformed() {
    // run of 10 small deltas, only 2 delta bytes present.
    assertTrue(parse("00 00 00 0a 00 00 00 00 20 0a 01 02").malformed());
    // run-length with reserved symbol 3.
    assertTrue(parse("00 00 00 01 00 00 00 00 60 01 00 00").malformed());
    // 2-bit vector with a reserved symbol among the counted ones.
    assertTrue(parse("00 00 00 01 00 00 00 00 f0 00 00 00").malformed());
    // too short for the fixed fields.
    assertTrue(parse("00 00 00 01").malformed());
  }

  @Test
  void zeroStatusCountIsEmpty() {
    RtcpCompound c = parse("00 09 00 00 00 00 10 01");
    assertFalse(c.malformed());
    TransportCc t = (TransportCc) c.packets().get(0);
    assertEquals(0, t.symbols().length);
    assertEquals(0, t.deltas().length);
  }
}
