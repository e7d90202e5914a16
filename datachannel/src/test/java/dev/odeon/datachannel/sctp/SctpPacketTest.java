package dev.odeon.datachannel.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

class SctpPacketTest {

  @Test
  void roundTripWithPaddingAndChecksum() {
    byte[] a = {0, 3, 0, 5, 42}; // 5-byte chunk, padded to 8
    byte[] b = CookieAckChunk.encode();
    byte[] p = SctpPacket.build(5000, 5001, 0xCAFEBABE, List.of(a, b));
    assertEquals(12 + 8 + 4, p.length);
    assertTrue(SctpPacket.hasValidChecksum(p, 0, p.length));
    SctpPacket parsed = SctpPacket.parse(p, 0, p.length);
    assertEquals(5000, parsed.sourcePort());
    assertEquals(5001, parsed.destinationPort());
    assertEquals(0xCAFEBABE, parsed.verificationTag());
    assertEquals(2, parsed.chunks().size());
    assertEquals(1, parsed.chunks().get(0).valueLen());
    assertEquals(ChunkType.COOKIE_ACK, parsed.chunks().get(1).type());
  }

  @Test
  void checksumIsCrc32cStoredLeastSignificantByteFirst() {
    byte[] p = SctpPacket.build(5000, 5000, 1, List.of(CookieAckChunk.encode()));
    byte[] zeroed = p.clone();
    zeroed[8] = zeroed[9] = zeroed[10] = zeroed[11] = 0;
    CRC32C crc = new CRC32C();
    crc.update(zeroed);
    long v = crc.getValue();
    assertEquals((byte) v, p[8]);
    assertEquals((byte) (v >>> 24), p[11]);
    CRC32C vector = new CRC32C(); // RFC 3720 B.4: 32 zero bytes
    vector.update(new byte[32]);
    assertEquals(0x8A9136AAL, vector.getValue());
  }

  @Test
  void corruptedPacketFailsChecksum() {
    byte[] p = SctpPacket.build(5000, 5000, 1, List.of(CookieAckChunk.encode()));
    for (int i = 0; i < p.length; i++) {
      byte[] q = p.clone();
      q[i] ^= 0x10;
      assertFalse(SctpPacket.hasValidChecksum(q, 0, q.length), "byte " + i);
    }
    assertFalse(SctpPacket.hasValidChecksum(p, 0, 11));
  }

  @Test
  void malformedChunkListsAreRejected() {
    byte[] header = new byte[12];
    assertNull(SctpPacket.parse(header, 0, 12), "no chunks");
    assertNull(SctpPacket.parse(concat(header, new byte[] {0, 0, 0, 0}), 0, 16), "length 0");
    assertNull(SctpPacket.parse(concat(header, new byte[] {0, 0, 0, 3}), 0, 16), "length 3");
    assertNull(SctpPacket.parse(concat(header, new byte[] {0, 0, 0, 9, 1, 2}), 0, 18), "past end");
    assertNull(SctpPacket.parse(concat(header, new byte[] {11, 0, 0, 4, 1, 2}), 0, 18),
        "trailing bytes too short for a chunk header");
    assertNull(SctpPacket.parse(header, 4, 12), "offset past the buffer");
    assertNull(SctpPacket.parse(null, 0, 12));
  }

  @Test
  void missingPaddingOnTheLastChunkIsTolerated() {
    byte[] p = concat(new byte[12], new byte[] {0, 0, 0, 5, 7});
    SctpPacket parsed = SctpPacket.parse(p, 0, p.length);
    assertNotNull(parsed);
    assertEquals(1, parsed.chunks().size());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
