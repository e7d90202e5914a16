package dev.odeon.sfu.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

  /** Chrome's Opus packet shape: one-byte extensions id 1 (audio level) and id 3 (mid "01"). */
  static byte[] chromeAudio() {
    return hex("90 6f 1a 2b 00 01 e2 40 de ad be ef" // V=2 X=1 PT=111 seq=6699 ts=123456
        + " be de 00 02" // one-byte profile, 2 words
        + " 10 aa" // id 1, L=0: V=1 level 42
        + " 31 30 31" // id 3, L=1: "01"
        + " 00 00 00" // padding
        + " 78 01 02 03 04"); // Opus TOC + data
  }

  static byte[] hex(String s) {
    String[] parts = s.trim().split("\\s+");
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return out;
  }

  @Test
  void parsesChromeAudioPacket() {
    byte[] b = chromeAudio();
    RtpPacket p = RtpPacket.parse(b, 0, b.length);
    assertNotNull(p);
    assertFalse(p.marker());
    assertEquals(111, p.payloadType());
    assertEquals(0x1a2b, p.sequenceNumber());
    assertEquals(123456, p.timestamp());
    assertEquals(0xdeadbeef, p.ssrc());
    assertEquals(0, p.csrcCount());
    assertTrue(p.hasExtension());
    assertEquals(0xBEDE, p.extensionProfile());
    assertEquals(24, p.headerLength());
    assertEquals(24, p.payloadOffset());
    assertEquals(5, p.payloadLength());
    assertEquals(0, p.paddingLength());
    assertEquals(17, p.findExtension(1));
    assertEquals(1, p.extensionLength(1));
    assertEquals(19, p.findExtension(3));
    assertEquals(2, p.extensionLength(3));
    assertEquals("01", new String(b, p.findExtension(3), 2));
    assertEquals(-1, p.findExtension(2));
    assertEquals(-1, p.extensionLength(2));
    assertEquals(-1, p.findExtension(0));
    assertEquals(-1, p.findExtension(15));
    assertEquals(42, RtpPacket.audioLevel(p, 1));
    assertTrue(RtpPacket.isVoiceActive(p, 1));
    assertEquals(-1, RtpPacket.audioLevel(p, 3)); // two bytes: not an audio level
    assertEquals(-1, RtpPacket.audioLevel(p, 5));
  }

  @Test
  void highBitsAreUnsigned() {
    byte[] b = new RtpBuilder().marker(true).payloadType(127).sequenceNumber(65535)
        .timestamp(0xFFFF_FFFFL).ssrc(-1).payload(new byte[] {1}).build();
    RtpPacket p = RtpPacket.parse(b, 0, b.length);
    assertTrue(p.marker());
    assertEquals(127, p.payloadType());
    assertEquals(65535, p.sequenceNumber());
    assertEquals(0xFFFF_FFFFL, p.timestamp());
    assertEquals(-1, p.ssrc());
  }

  @Test
  void oneByteIdFifteenStopsParsing() {
    byte[] b = hex("90 6f 00 01 00 00 00 01 00 00 00 02 be de 00 02 10 05 f0 00 20 07 00 00");
    RtpPacket p = RtpPacket.parse(b, 0, b.length);
    assertEquals(17, p.findExtension(1));
    assertEquals(-1, p.findExtension(2)); // behind the id-15 stop
  }

  @Test
  void twoByteExtensions() {
    byte[] data = new byte[20];
    Arrays.fill(data, (byte) 7);
    byte[] b = new RtpBuilder().payloadType(96).ssrc(5).extension(1, new byte[] {9})
        .extension(200, data).extension(3, new byte[0]).payload(new byte[] {1, 2}).build();
    RtpPacket p = RtpPacket.parse(b, 0, b.length);
    assertEquals(0x1000, p.extensionProfile());
    assertEquals(1, p.extensionLength(1));
    assertEquals(9, b[p.findExtension(1)]);
    assertEquals(20, p.extensionLength(200));
    assertArrayEquals(data, Arrays.copyOfRange(b, p.findExtension(200), p.findExtension(200) + 20));
    assertEquals(0, p.extensionLength(3));
    assertEquals(9, RtpPacket.audioLevel(p, 1));
    assertEquals(2, p.payloadLength());
  }

  @Test
  void twoByteElementLengthPastTheEndIsNotFound() {
    // Block of 1 word: id 1 length 1 data, then id 2 claiming 9 bytes inside a 4-byte block.
    byte[] b = hex("90 60 00 01 00 00 00 01 00 00 00 02 10 00 00 01 01 01 aa 02 09 00 00 00");
    b[16] = 1; // id 1
    b[17] = 1; // length 1
    b[18] = (byte) 0xaa;
    b[19] = 2; // id 2 starts at the last byte of the block: its length byte is outside
    RtpPacket p = RtpPacket.parse(b, 0, b.length);
    assertNotNull(p);
    assertEquals(18, p.findExtension(1));
    assertEquals(-1, p.findExtension(2));
  }

  @Test
  void oneByteElementLengthPastTheBlockIsNotFound() {
    // Block of 1 word: id 1 with 1 byte, then id 2 claiming 16 bytes (L=15).
    byte[] b = hex("90 60 00 01 00 00 00 01 00 00 00 02 be de 00 01 10 05 2f 00 01 02 03 04");
    RtpPacket p = RtpPacket.parse(b, 0, b.length);
    assertNotNull(p);
    assertEquals(5, RtpPacket.audioLevel(p, 1));
    assertFalse(RtpPacket.isVoiceActive(p, 1));
    assertEquals(-1, p.findExtension(2));
    assertEquals(-1, RtpPacket.audioLevel(p, 2));
    assertEquals(20, p.payloadOffset());
  }

  @Test
  void unknownExtensionProfileHasNoElements() {
    byte[] b = hex("90 60 00 01 00 00 00 01 00 00 00 02 12 34 00 01 10 05 00 00");
    RtpPacket p = RtpPacket.parse(b, 0, b.length);
    assertEquals(0x1234, p.extensionProfile());
    assertEquals(-1, p.findExtension(1));
    assertEquals(0, p.payloadLength());
  }

  @Test
  void csrcsPaddingAndBuilderRoundTrip() {
    byte[] payload = {10, 20, 30, 40, 50};
    byte[] b = new RtpBuilder().marker(true).payloadType(100).sequenceNumber(4242)
        .timestamp(90000).ssrc(0x11223344).csrc(7).csrc(8).extension(4, new byte[] {1, 2, 3})
        .payload(payload).padding(3).build();
    RtpPacket p = RtpPacket.parse(b, 0, b.length);
    assertNotNull(p);
    assertEquals(2, p.csrcCount());
    assertEquals(7, p.csrc(0));
    assertEquals(8, p.csrc(1));
    assertEquals(12 + 8 + 4 + 4, p.headerLength());
    assertEquals(3, p.paddingLength());
    assertTrue(p.hasPadding());
    assertEquals(5, p.payloadLength());
    assertArrayEquals(payload, Arrays.copyOfRange(b, p.payloadOffset(), p.payloadOffset() + 5));
    assertEquals(3, p.extensionLength(4));
  }

  @Test
  void parsesAtAnOffsetAndReusesTheView() {
    byte[] pkt = chromeAudio();
    byte[] big = new byte[pkt.length + 10];
    System.arraycopy(pkt, 0, big, 7, pkt.length);
    RtpPacket view = new RtpPacket();
    assertTrue(view.wrap(big, 7, pkt.length));
    assertEquals(7 + 17, view.findExtension(1));
    assertEquals(7 + 24, view.payloadOffset());
    assertFalse(view.wrap(big, 0, 5));
    assertFalse(view.isValid());
    assertTrue(view.wrap(pkt, 0, pkt.length));
    assertEquals(0x1a2b, view.sequenceNumber());
  }

  @Test
  void mutatorsWriteIntoTheBuffer() {
    byte[] b = chromeAudio();
    RtpPacket p = RtpPacket.parse(b, 0, b.length);
    p.setSequenceNumber(65535);
    p.setTimestamp(0xFFFF_FFFEL);
    p.setSsrc(0x01020304);
    p.setPayloadType(96);
    p.setMarker(true);
    RtpPacket q = RtpPacket.parse(b, 0, b.length);
    assertEquals(65535, q.sequenceNumber());
    assertEquals(0xFFFF_FFFEL, q.timestamp());
    assertEquals(0x01020304, q.ssrc());
    assertEquals(96, q.payloadType());
    assertTrue(q.marker());
    q.setPayloadType(111);
    assertTrue(q.marker());
    q.setMarker(false);
    assertEquals(111, q.payloadType());
    assertFalse(q.marker());
    assertEquals(42, RtpPacket.audioLevel(q, 1));
  }

  @Test
  void malformedPacketsAreRejected() {
    byte[] ok = chromeAudio();
    assertNull(RtpPacket.parse(ok, 0, 11)); // truncated fixed header
    assertNull(RtpPacket.parse(ok, 0, 15)); // extension header cut
    assertNull(RtpPacket.parse(ok, 0, 20)); // extension block past the end
    assertNull(RtpPacket.parse(ok, 0, ok.length + 1)); // past the array
    assertNull(RtpPacket.parse(ok, -1, 12));
    assertNull(RtpPacket.parse(null, 0, 0));
    byte[] v1 = ok.clone();
    v1[0] = (byte) 0x50;
    assertNull(RtpPacket.parse(v1, 0, v1.length));
    byte[] csrc = hex("8f 60 00 01 00 00 00 01 00 00 00 02 00 00 00 01"); // CC=15, one CSRC
    assertNull(RtpPacket.parse(csrc, 0, csrc.length));
    byte[] extLen = ok.clone();
    extLen[15] = 9; // 9 words of extension
    assertNull(RtpPacket.parse(extLen, 0, extLen.length));
    byte[] pad = hex("a0 60 00 01 00 00 00 01 00 00 00 02 01 02 03 05"); // padding 5 > 4 payload
    assertNull(RtpPacket.parse(pad, 0, pad.length));
    byte[] pad0 = hex("a0 60 00 01 00 00 00 01 00 00 00 02 01 02 03 00"); // padding count 0
    assertNull(RtpPacket.parse(pad0, 0, pad0.length));
    byte[] padAll = hex("a0 60 00 01 00 00 00 01 00 00 00 02 00 00 00 04"); // all padding: ok
    assertEquals(0, RtpPacket.parse(padAll, 0, padAll.length).payloadLength());
  }

  @Test
  void isRtcpPerRfc5761() {
    assertTrue(RtpPacket.isRtcp(hex("80 c8 00 06"), 0, 4)); // SR 200
    assertTrue(RtpPacket.isRtcp(hex("81 cd 00 02"), 0, 4)); // RTPFB 205
    assertTrue(RtpPacket.isRtcp(hex("80 c0"), 0, 2)); // 192
    assertTrue(RtpPacket.isRtcp(hex("80 df"), 0, 2)); // 223
    assertFalse(RtpPacket.isRtcp(hex("80 e0"), 0, 2)); // 224 -> PT 96 with marker
    assertFalse(RtpPacket.isRtcp(hex("80 6f"), 0, 2)); // Opus 111
    assertFalse(RtpPacket.isRtcp(hex("80 ef"), 0, 2)); // Opus 111 + marker
    assertFalse(RtpPacket.isRtcp(hex("80"), 0, 1));
    assertFalse(RtpPacket.isRtcp(hex("80 c8"), 1, 2));
  }

  @Test
  void writeHeaderProducesAParsableFixedHeader() {
    byte[] b = new byte[20];
    assertEquals(12, RtpPacket.writeHeader(b, 4, true, 96, 7, 99, 1234));
    RtpPacket p = RtpPacket.parse(b, 4, 16);
    assertTrue(p.marker());
    assertEquals(96, p.payloadType());
    assertEquals(7, p.sequenceNumber());
    assertEquals(99, p.timestamp());
    assertEquals(1234, p.ssrc());
    assertEquals(4, p.payloadLength());
    assertFalse(p.hasExtension());
    assertEquals(-1, p.findExtension(1));
  }
}
