package dev.odeon.sfu.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.odeon.sfu.rtp.RtpPacket;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RtcpRoundTripTest {
  static final ReportBlock BLOCK =
      new ReportBlock(0xCAFEBABE, 25, -3, 0x0001_FFFFL, 12345, 0xFFFF_FFFFL, 65536);
  static final ReportBlock BLOCK2 = new ReportBlock(7, 255, 0x7FFFFF, 0, 0, 0, 0);

  static Stream<RtcpPacket> packets() {
    return Stream.of(
        new SenderReport(0x11223344, 0xE1234567_89ABCDEFL, 0xFFFF_FFF0L, 1000, 0xFFFF_FFFFL,
            List.of()),
        new SenderReport(1, 2, 3, 4, 5, List.of(BLOCK, BLOCK2)),
        new ReceiverReport(0x99, List.of()),
        new ReceiverReport(-2, List.of(BLOCK)),
        new Sdes(List.of(new SdesChunk(0x1234, "abcd1234efgh"))),
        new Sdes(List.of(new SdesChunk(1, "a"), new SdesChunk(2, "bc"), new SdesChunk(3, "déf"),
            new SdesChunk(4, ""))),
        new Bye(List.of(5), null),
        new Bye(List.of(5, 6, -7), "stream ended"),
        new Bye(List.of(), "bye"),
        new Pli(0xABCD, 0x1234),
        new Fir(0xABCD, List.of(new FirEntry(0x1234, 7), new FirEntry(-1, 255))),
        new Nack(1, 2, new int[] {100}),
        new Nack(1, 2, new int[] {100, 101, 103, 116, 117, 300}),
        new Nack(1, 2, new int[] {65534, 65535, 0, 5, 14}), // one FCI across the wrap
        new Remb(0x77, 0, List.of()),
        new Remb(0x77, 262_143, List.of(1)),
        new Remb(0x77, 2_500_000 & ~0x1FL, List.of(1, 2, 3)),
        new TransportCc(1, 2, 65530, 9, 0xABCDEF, 17, new int[] {1, 1, 0, 2, 0, 0, 1, 2, 1},
            new int[] {4, 255, -5, 0, 32767, 9}),
        new TransportCc(1, 2, 0, 1, 0, 0, new int[] {0}, new int[] {}),
        new Unknown(204, 3));
  }

  @ParameterizedTest
  @MethodSource("packets")
  void writeThenParseGivesTheSamePacket(RtcpPacket p) {
    byte[] buf = new byte[p.size() + 8];
    assertEquals(p.size(), p.writeTo(buf, 3));
    assertEquals(0, p.size() % 4);
    assertTrue(RtpPacket.isRtcp(buf, 3, p.size()));
    RtcpCompound c = RtcpCompound.parse(buf, 3, p.size());
    assertFalse(c.malformed(), () -> c.toString());
    assertEquals(List.of(p), c.packets());
  }

  @Test
  void compoundOfEveryWriterInOneBuffer() {
    List<RtcpPacket> all = packets().toList();
    byte[] buf = new byte[RtcpCompound.size(all)];
    assertEquals(buf.length, RtcpCompound.write(all, buf, 0));
    RtcpCompound c = RtcpCompound.parse(buf, 0, buf.length);
    assertFalse(c.malformed());
    assertEquals(all, c.packets());
  }

  @Test
  void rembMantissaExponentEncoding() {
    Remb r = new Remb(1, 1_000_000_007L, List.of(9));
    byte[] buf = new byte[r.size()];
    r.writeTo(buf, 0);
    int exp = (buf[17] & 0xFF) >>> 2;
    int mantissa = ((buf[17] & 3) << 16) | ((buf[18] & 0xFF) << 8) | (buf[19] & 0xFF);
    assertEquals(12, exp); // 1e9 needs 30 bits; 18-bit mantissa => exponent 12
    assertEquals(1_000_000_007L >>> 12, mantissa);
    Remb back = (Remb) RtcpCompound.parse(buf, 0, buf.length).packets().get(0);
    assertEquals((1_000_000_007L >>> 12) << 12, back.bitrateBps());
    assertTrue(back.bitrateBps() <= 1_000_000_007L && back.bitrateBps() > 999_000_000L);
  }

  @Test
  void rembHugeExponentSaturates() {
    byte[] b = {(byte) 0x8f, (byte) 206, 0, 4, 0, 0, 0, 1, 0, 0, 0, 0, 'R', 'E', 'M', 'B',
        0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    Remb r = (Remb) RtcpCompound.parse(b, 0, b.length).packets().get(0);
    assertEquals(Long.MAX_VALUE, r.bitrateBps());
  }

  @Test
  void nackWriterPacksPidAndBlp() {
    Nack n = new Nack(1, 2, new int[] {100, 101, 103, 116, 117});
    byte[] buf = new byte[n.size()];
    n.writeTo(buf, 0);
    assertEquals(20, buf.length); // two FCIs: 100 covers 101..116, 117 starts the next
    assertArrayEquals(new byte[] {0, 100, (byte) 0x80, 0x05, 0, 117, 0, 0},
        java.util.Arrays.copyOfRange(buf, 12, 20));
  }

  @Test
  void reportBlockSignExtendsCumulativeLost() {
    SenderReport sr = new SenderReport(1, 2, 3, 4, 5, List.of(BLOCK));
    byte[] buf = new byte[sr.size()];
    sr.writeTo(buf, 0);
    assertEquals((byte) 0xFF, buf[28 + 5]);
    assertEquals((byte) 0xFD, buf[28 + 7]);
    SenderReport back = (SenderReport) RtcpCompound.parse(buf, 0, buf.length).packets().get(0);
    assertEquals(-3, back.reports().get(0).cumulativeLost());
  }
}
