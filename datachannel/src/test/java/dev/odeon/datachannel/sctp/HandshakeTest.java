package dev.odeon.datachannel.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Cookie corner cases of the four-way handshake (RFC 9260 §5.1, §5.2.4, §5.2.6). */
class HandshakeTest {
  private static final long SECOND = 1_000_000_000L;

  private static int firstChunkType(byte[] p) {
    return SctpPacket.parse(p, 0, p.length).chunks().get(0).type();
  }

  private static void deliver(byte[] p, SctpAssociation to, long now) {
    to.handleInput(now, p, 0, p.length);
  }

  @Test
  void staleCookieMakesTheInitiatorStartOver() {
    SctpAssociation a = new SctpAssociation(SctpConfig.defaults(), new Random(1));
    SctpAssociation b = new SctpAssociation(SctpConfig.defaults(), new Random(2));
    a.connect(0);
    deliver(a.pollTransmit(), b, 0);
    deliver(b.pollTransmit(), a, 0);
    byte[] echo = a.pollTransmit();
    assertEquals(ChunkType.COOKIE_ECHO, firstChunkType(echo));
    deliver(echo, b, 61 * SECOND); // Older than the 60 s cookie lifetime.
    byte[] error = b.pollTransmit();
    assertEquals(ChunkType.ERROR, firstChunkType(error));
    assertEquals(SctpState.CLOSED, b.state());
    assertEquals(1, b.counters().badCookies());
    deliver(error, a, 61 * SECOND);
    assertEquals(SctpState.COOKIE_WAIT, a.state());
    byte[] init = a.pollTransmit();
    assertEquals(ChunkType.INIT, firstChunkType(init));
    deliver(init, b, 61 * SECOND);
    deliver(b.pollTransmit(), a, 61 * SECOND);
    deliver(a.pollTransmit(), b, 61 * SECOND);
    deliver(b.pollTransmit(), a, 61 * SECOND);
    assertEquals(SctpState.ESTABLISHED, a.state());
    assertEquals(SctpState.ESTABLISHED, b.state());
  }

  @Test
  void repeatedCookieEchoIsAcknowledgedWhateverItsAge() {
    SctpAssociation a = new SctpAssociation(SctpConfig.defaults(), new Random(3));
    SctpAssociation b = new SctpAssociation(SctpConfig.defaults(), new Random(4));
    a.connect(0);
    deliver(a.pollTransmit(), b, 0);
    deliver(b.pollTransmit(), a, 0);
    byte[] echo = a.pollTransmit();
    deliver(echo, b, SECOND);
    assertEquals(SctpState.ESTABLISHED, b.state());
    b.pollTransmit(); // The COOKIE ACK is lost.
    deliver(echo, b, 100 * SECOND);
    assertEquals(ChunkType.COOKIE_ACK, firstChunkType(b.pollTransmit()));
    assertEquals(1, (int) java.util.stream.Stream.generate(b::pollEvent).takeWhile(e -> e != null)
        .filter(e -> e instanceof SctpEvent.Connected).count(), "Connected once");
  }

  @Test
  void cookieEchoWithMismatchedTagIsDropped() {
    SctpAssociation a = new SctpAssociation(SctpConfig.defaults(), new Random(5));
    SctpAssociation b = new SctpAssociation(SctpConfig.defaults(), new Random(6));
    a.connect(0);
    deliver(a.pollTransmit(), b, 0);
    deliver(b.pollTransmit(), a, 0);
    byte[] echo = a.pollTransmit();
    Wire.put32(echo, 4, Wire.i32(echo, 4) + 1);
    byte[] resigned = SctpPacket.build(5000, 5000, Wire.i32(echo, 4),
        java.util.List.of(java.util.Arrays.copyOfRange(echo, 12, echo.length)));
    deliver(resigned, b, SECOND);
    assertEquals(SctpState.CLOSED, b.state());
    assertEquals(1, b.counters().badVerificationTag());
    assertNull(b.pollTransmit());
  }
}
