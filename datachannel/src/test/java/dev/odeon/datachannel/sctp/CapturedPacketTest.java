package dev.odeon.datachannel.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Interop: a packet produced by another SCTP stack (checksum byte order, INIT parameters). */
class CapturedPacketTest {

  static byte[] hex(String resource) throws IOException {
    try (InputStream in = CapturedPacketTest.class.getResourceAsStream(resource)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        for (String b : line.trim().split("\\s+")) {
          out.write(Integer.parseInt(b, 16));
        }
      }
      return out.toByteArray();
    }
  }

  @Test
  void capturedInitVerifiesAndParses() throws IOException {
    byte[] p = hex("captured-init.hex");
    assertTrue(SctpPacket.hasValidChecksum(p, 0, p.length), "CRC32c byte order matches");
    SctpPacket pkt = SctpPacket.parse(p, 0, p.length);
    assertNotNull(pkt);
    InitChunk init = InitChunk.parse(pkt.chunks().get(0));
    assertEquals(0x55b964a5, init.initiateTag());
    assertEquals(131072, init.aRwnd());
    assertEquals(1024, init.outboundStreams());
    assertEquals(2048, init.inboundStreams());
    assertEquals(0xe86d1030, init.initialTsn());
    assertTrue(init.forwardTsnSupported());
    assertTrue(init.reconfigSupported());
  }

  @Test
  void serverAnswersCapturedInitWithInitAck() throws IOException {
    byte[] p = hex("captured-init.hex");
    SctpAssociation server = new SctpAssociation(SctpConfig.defaults(), new Random(3));
    server.handleInput(0, p, 0, p.length);
    byte[] ack = server.pollTransmit();
    assertNotNull(ack);
    SctpPacket pkt = SctpPacket.parse(ack, 0, ack.length);
    assertEquals(0x55b964a5, pkt.verificationTag());
    assertEquals(ChunkType.INIT_ACK, pkt.chunks().get(0).type());
    assertEquals(SctpState.CLOSED, server.state(), "no state before COOKIE ECHO");
  }
}
