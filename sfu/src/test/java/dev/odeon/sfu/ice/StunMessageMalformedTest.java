package dev.odeon.sfu.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile input: the parser returns null for malformed messages and never throws. */
class StunMessageMalformedTest {
  private static final byte[] VALID = StunTestBytes.REQUEST;

  @Test
  void truncatedHeaderIsRejected() {
    for (int len = 0; len < StunMessage.HEADER_LENGTH; len++) {
      assertNull(StunMessage.parse(VALID, 0, len), "len " + len);
      assertFalse(StunMessage.isStun(VALID, 0, len), "len " + len);
    }
  }

  @Test
  void everyTruncationOfAValidMessageIsRejected() {
    for (int len = 0; len < VALID.length; len++) {
      assertNull(StunMessage.parse(Arrays.copyOf(VALID, len), 0, len), "len " + len);
    }
  }

  @Test
  void zeroLengthAndNullAndBadRangesAreRejected() {
    assertNull(StunMessage.parse(new byte[0], 0, 0));
    assertNull(StunMessage.parse(null, 0, 20));
    assertNull(StunMessage.parse(VALID, -1, VALID.length));
    assertNull(StunMessage.parse(VALID, 1, VALID.length));
    assertNull(StunMessage.parse(VALID, 0, -5));
    assertNull(StunMessage.parse(VALID, Integer.MAX_VALUE, 20));
    assertFalse(StunMessage.isStun(null, 0, 20));
    assertFalse(StunMessage.isStun(VALID, 1, VALID.length));
  }

  @Test
  void lengthNotMultipleOfFourIsRejected() {
    byte[] b = VALID.clone();
    b[3] = (byte) (b[3] - 2);
    assertNull(StunMessage.parse(b, 0, b.length));
  }

  @Test
  void headerLengthPastTheEndIsRejected() {
    byte[] b = VALID.clone();
    b[3] = (byte) (b[3] + 4);
    assertNull(StunMessage.parse(b, 0, b.length));
  }

  @Test
  void attributeLengthPastTheEndIsRejected() {
    byte[] b = VALID.clone();
    // The last attribute is FINGERPRINT (length 4); claim 8.
    b[b.length - 5] = 8;
    assertNull(StunMessage.parse(b, 0, b.length));
    // A single attribute claiming 0xFFFF bytes.
    byte[] one = new StunWriter(StunClass.REQUEST, 1, StunTestBytes.TX_ID)
        .add(StunAttribute.SOFTWARE, new byte[4]).toByteArray();
    one[StunMessage.HEADER_LENGTH + 2] = (byte) 0xFF;
    one[StunMessage.HEADER_LENGTH + 3] = (byte) 0xFF;
    assertNull(StunMessage.parse(one, 0, one.length));
  }

  @Test
  void badMagicCookieIsRejected() {
    byte[] b = VALID.clone();
    b[7] ^= 1;
    assertNull(StunMessage.parse(b, 0, b.length));
    assertFalse(StunMessage.isStun(b, 0, b.length));
  }

  @Test
  void leadingBitsMustBeZero() {
    byte[] b = VALID.clone();
    b[0] |= (byte) 0x40;
    assertNull(StunMessage.parse(b, 0, b.length));
    assertFalse(StunMessage.isStun(b, 0, b.length));
  }

  @Test
  void isStunFollowsRfc7983FirstByte() {
    byte[] b = VALID.clone();
    for (int first = 0; first < 256; first++) {
      b[0] = (byte) first;
      assertEquals(first <= 3, StunMessage.isStun(b, 0, b.length), "first byte " + first);
    }
  }

  @Test
  void trailingBytesAfterTheMessageAreIgnored() {
    byte[] b = Arrays.copyOf(VALID, VALID.length + 8);
    StunMessage m = StunMessage.parse(b, 0, b.length);
    assertNotNull(m);
    assertEquals(VALID.length, m.length());
    assertTrue(m.hasValidFingerprint());
  }

  @Test
  void tenThousandRandomBuffersNeverThrow() {
    Random rnd = new Random(0x5EED);
    int parsed = 0;
    for (int i = 0; i < 10_000; i++) {
      byte[] b = new byte[rnd.nextInt(200)];
      rnd.nextBytes(b);
      if (b.length >= 8 && rnd.nextBoolean()) {
        // Make half of them pass the cheap checks so the attribute walk gets exercised.
        b[0] &= 0x03;
        b[2] = 0;
        b[3] = (byte) ((b.length - 20) & ~3);
        b[4] = 0x21;
        b[5] = 0x12;
        b[6] = (byte) 0xA4;
        b[7] = 0x42;
      }
      StunMessage m = StunMessage.parse(b, 0, b.length);
      if (m != null) {
        parsed++;
        touchEverything(m);
      }
    }
    assertTrue(parsed > 0, "the generator should produce some structurally valid messages");
  }

  @Test
  void mutationsOfAValidMessageNeverThrow() {
    Random rnd = new Random(42);
    byte[] key = StunTestBytes.PASSWORD.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 10_000; i++) {
      byte[] b = VALID.clone();
      for (int k = 1 + rnd.nextInt(4); k > 0; k--) {
        b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
      }
      int len = rnd.nextInt(b.length + 1);
      StunMessage m = StunMessage.parse(b, 0, len);
      if (m != null) {
        touchEverything(m);
        m.hasValidIntegrity(key);
      }
    }
  }

  private static void touchEverything(StunMessage m) {
    m.method();
    m.messageClass();
    m.transactionId();
    m.username();
    m.priority();
    m.hasUseCandidate();
    m.hasIceControlled();
    m.hasIceControlling();
    m.tieBreaker();
    m.errorCode();
    m.errorReason();
    m.xorMappedAddress();
    m.hasValidFingerprint();
    m.hasValidIntegrity(new byte[] {1});
    m.toString();
  }
}
