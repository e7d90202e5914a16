package dev.odeon.sfu.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpMalformedTest {
  static byte[] hex(String s) {
    String[] parts = s.trim().split("\\s+");
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return out;
  }

  static final String PLI = "81 ce 00 02 00 00 00 01 00 00 00 02 ";

  static RtcpCompound parse(String hex) {
    byte[] b = hex(hex);
    return RtcpCompound.parse(b, 0, b.length);
  }

  @Test
  void lengthPastTheEndKeepsWhatParsed() {
    RtcpCompound c = parse(PLI + "81 ce 00 05 00 00 00 01 00 00 00 02");
    assertTrue(c.malformed());
    assertEquals(List.of(new Pli(1, 2)), c.packets());
  }

  @Test
  void zeroLengthSrIsSkippedAndTheWalkContinues() {
    RtcpCompound c = parse("80 c8 00 00 " + PLI);
    assertTrue(c.malformed());
    assertEquals(List.of(new Pli(1, 2)), c.packets());
  }

  @Test
  void zeroLengthUnknownIsFine() {
    RtcpCompound c = parse("80 cc 00 00 " + PLI);
    assertFalse(c.malformed());
    assertEquals(List.of(new Unknown(204, 0), new Pli(1, 2)), c.packets());
  }

  @Test
  void framingErrors() {
    assertTrue(parse(PLI + "81 ce").malformed()); // trailing fragment
    assertTrue(parse(PLI + "41 ce 00 02 00 00 00 01 00 00 00 02").malformed()); // version 1
    assertTrue(RtcpCompound.parse(new byte[0], 0, 0).malformed());
    assertTrue(RtcpCompound.parse(null, 0, 0).malformed());
    assertTrue(RtcpCompound.parse(new byte[8], 4, 8).malformed());
    assertEquals(List.of(), parse("81 ce 00 02 00 00").packets());
  }

  @Test
  void shortReportsAreMalformed() {
    // RR claiming two report blocks but carrying none.
    assertTrue(parse("82 c9 00 01 00 00 00 09").malformed());
    assertEquals(0, parse("82 c9 00 01 00 00 00 09").packets().size());
    // SR claiming one report block with only the sender info.
    RtcpCompound c = parse("81 c8 00 06 00 00 00 01 00 00 00 02 00 00 00 03 00 00 00 04"
        + " 00 00 00 05 00 00 00 06");
    assertTrue(c.malformed());
  }

  @Test
  void badPaddingIsMalformed() {
    assertTrue(parse("a1 ce 00 02 00 00 00 01 00 00 00 00").malformed()); // pad count 0
    assertTrue(parse("a1 ce 00 02 00 00 00 01 00 00 00 0c").malformed()); // pad eats the header
    // Valid padding: PLI followed by 4 padding bytes.
    RtcpCompound ok = parse("a1 ce 00 03 00 00 00 01 00 00 00 02 00 00 00 04");
    assertFalse(ok.malformed());
    assertEquals(List.of(new Pli(1, 2)), ok.packets());
  }

  @Test
  void nackAndFirWithLengthsThatDoNotMatch() {
    assertTrue(parse("81 cd 00 02 00 00 00 01 00 00 00 02").malformed()); // NACK without FCI
    assertTrue(parse("84 ce 00 02 00 00 00 01 00 00 00 00").malformed()); // FIR without FCI
    assertTrue(parse("84 ce 00 03 00 00 00 01 00 00 00 00 00 00 00 09").malformed()); // half FCI
    RtcpCompound fir = parse("84 ce 00 04 00 00 00 01 00 00 00 00 00 00 00 09 03 00 00 00");
    assertEquals(List.of(new Fir(1, List.of(new FirEntry(9, 3)))), fir.packets());
    // NACK whose padding leaves a non-multiple of 4 FCI.
    assertTrue(parse("a1 cd 00 03 00 00 00 01 00 00 00 02 00 64 00 01").malformed());
    RtcpCompound nack = parse("81 cd 00 03 00 00 00 01 00 00 00 02 00 64 80 01");
    assertArrayEquals(new int[] {100, 101, 116}, ((Nack) nack.packets().get(0)).lostSeqs());
  }

  @Test
  void sdesAndByeLengthsThatLie() {
    assertTrue(parse("81 ca 00 01 00 00 00 01").malformed()); // chunk without END
    assertTrue(parse("81 ca 00 02 00 00 00 01 01 09 61 62").malformed()); // CNAME past the end
    assertTrue(parse("82 ca 00 02 00 00 00 01 01 01 61 00").malformed()); // 2nd chunk missing
    assertTrue(parse("82 cb 00 01 00 00 00 01").malformed()); // BYE SC=2 with one SSRC
    assertTrue(parse("81 cb 00 02 00 00 00 01 07 61 62 63").malformed()); // reason past the end
    RtcpCompound sdes = parse("81 ca 00 03 00 00 00 01 05 01 78 01 01 61 00 00");
    assertEquals(List.of(new Sdes(List.of(new SdesChunk(1, "a")))), sdes.packets()); // NOTE skipped
  }

  @Test
  void unknownFeedbackFormatsAndTypes() {
    RtcpCompound c = parse("82 ce 00 02 00 00 00 01 00 00 00 02" // PSFB SLI
        + " 8f ce 00 03 00 00 00 01 00 00 00 00 41 42 43 44" // AFB but not REMB
        + " 83 cd 00 02 00 00 00 01 00 00 00 02" // RTPFB fmt 3 (TMMBR)
        + " 80 cf 00 00"); // XR
    assertFalse(c.malformed());
    assertEquals(List.of(new Unknown(206, 2), new Unknown(206, 15), new Unknown(205, 3),
        new Unknown(207, 0)), c.packets());
  }

  @Test
  void rembWithMoreSsrcsThanBytes() {
    RtcpCompound c = parse("8f ce 00 04 00 00 00 01 00 00 00 00 52 45 4d 42 03 00 10 00");
    assertTrue(c.malformed());
    assertInstanceOf(List.class, c.packets());
    assertEquals(0, c.packets().size());
  }
}
