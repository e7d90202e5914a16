package dev.odeon.sfu.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Encode/parse round trips through {@link StunWriter} and {@link StunMessage}. */
class StunMessageCodecTest {
  private static final byte[] TX = StunTestBytes.TX_ID;
  private static final byte[] KEY = "abcdefghijklmnopqrstuvwx".getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest
  @EnumSource(StunClass.class)
  void messageTypeRoundTripsForEveryClass(StunClass cls) {
    for (int method : new int[] {0x001, 0x003, 0x00F, 0x010, 0x0F0, 0xFFF}) {
      byte[] msg = new StunWriter(cls, method, TX).toByteArray();
      StunMessage m = parse(msg);
      assertEquals(method, m.method());
      assertEquals(cls, m.messageClass());
    }
  }

  @Test
  void bindingTypesAreTheWellKnownNumbers() {
    assertEquals(0x0001, StunClass.REQUEST.messageType(StunAttribute.METHOD_BINDING));
    assertEquals(0x0011, StunClass.INDICATION.messageType(StunAttribute.METHOD_BINDING));
    assertEquals(0x0101, StunClass.SUCCESS_RESPONSE.messageType(StunAttribute.METHOD_BINDING));
    assertEquals(0x0111, StunClass.ERROR_RESPONSE.messageType(StunAttribute.METHOD_BINDING));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void bindingRequestRoundTrips(boolean controlling) {
    byte[] msg = StunMessage.bindingRequest(TX, "srvr:clnt", KEY, 0xFFFF_FFFEL, true, controlling,
        0x8000_0000_0000_0001L);
    StunMessage m = parse(msg);
    assertTrue(m.isBindingRequest());
    assertArrayEquals(TX, m.transactionId());
    assertEquals("srvr:clnt", m.username());
    assertEquals(0xFFFF_FFFEL, m.priority());
    assertTrue(m.hasUseCandidate());
    assertEquals(controlling, m.hasIceControlling());
    assertEquals(!controlling, m.hasIceControlled());
    assertEquals(0x8000_0000_0000_0001L, m.tieBreaker());
    assertTrue(m.hasValidIntegrity(KEY));
    assertFalse(m.hasValidIntegrity("other".getBytes(StandardCharsets.UTF_8)));
    assertTrue(m.hasValidFingerprint());
  }

  @Test
  void requestWithoutKeyHasNoIntegrity() {
    StunMessage m = parse(StunMessage.bindingRequest(TX, "a:b", null, 1, false, true, 7));
    assertFalse(m.hasMessageIntegrity());
    assertFalse(m.hasValidIntegrity(KEY));
    assertFalse(m.hasUseCandidate());
    assertTrue(m.hasValidFingerprint());
  }

  @ParameterizedTest
  @ValueSource(strings = {"198.51.100.7", "::1", "2001:db8::1", "::ffff:10.0.0.1"})
  void bindingSuccessRoundTrips(String ip) throws Exception {
    InetSocketAddress addr = new InetSocketAddress(InetAddress.getByName(ip), 65535);
    StunMessage m = parse(StunMessage.bindingSuccess(TX, addr, KEY));
    assertTrue(m.isBindingSuccess());
    assertEquals(addr, m.xorMappedAddress());
    assertTrue(m.hasValidIntegrity(KEY));
    assertTrue(m.hasValidFingerprint());
  }

  @Test
  void bindingErrorRoundTripsWithAndWithoutIntegrity() {
    StunMessage signed = parse(StunMessage.bindingError(TX, 487, "Role Conflict", KEY));
    assertTrue(signed.isBindingError());
    assertEquals(487, signed.errorCode());
    assertEquals("Role Conflict", signed.errorReason());
    assertTrue(signed.hasValidIntegrity(KEY));
    assertTrue(signed.hasValidFingerprint());

    StunMessage unsigned = parse(StunMessage.bindingError(TX, 401, "Unauthorized", null));
    assertEquals(401, unsigned.errorCode());
    assertFalse(unsigned.hasMessageIntegrity());
    assertTrue(unsigned.hasValidFingerprint());
  }

  @Test
  void absentAttributesReadAsAbsent() {
    StunMessage m = parse(new StunWriter(StunClass.REQUEST, 1, TX).toByteArray());
    assertNull(m.username());
    assertNull(m.xorMappedAddress());
    assertNull(m.errorReason());
    assertNull(m.attributeValue(StunAttribute.SOFTWARE));
    assertEquals(-1, m.priority());
    assertEquals(-1, m.errorCode());
    assertEquals(0, m.tieBreaker());
    assertFalse(m.hasValidFingerprint());
    assertFalse(m.hasValidIntegrity(KEY));
    assertEquals(StunMessage.HEADER_LENGTH, m.length());
  }

  @Test
  void wrongLengthValuesReadAsAbsent() {
    byte[] msg = new StunWriter(StunClass.REQUEST, 1, TX)
        .add(StunAttribute.PRIORITY, new byte[3])
        .add(StunAttribute.ICE_CONTROLLING, new byte[4])
        .add(StunAttribute.XOR_MAPPED_ADDRESS, new byte[] {0, 1, 0, 0, 1, 2, 3})
        .add(StunAttribute.ERROR_CODE, new byte[2])
        .toByteArray();
    StunMessage m = parse(msg);
    assertEquals(-1, m.priority());
    assertFalse(m.hasIceControlling());
    assertNull(m.xorMappedAddress());
    assertEquals(-1, m.errorCode());
  }

  @Test
  void attributesAfterIntegrityAreIgnoredAndInvalidateIt() {
    byte[] msg = new StunWriter(StunClass.REQUEST, 1, TX)
        .addString(StunAttribute.USERNAME, "a:b")
        .addMessageIntegrity(KEY)
        .add(StunAttribute.USE_CANDIDATE, new byte[0])
        .addFingerprint()
        .toByteArray();
    StunMessage m = parse(msg);
    assertFalse(m.hasUseCandidate());
    assertFalse(m.hasValidIntegrity(KEY));
    assertTrue(m.hasValidFingerprint());
  }

  @Test
  void fingerprintThatIsNotLastIsInvalid() {
    byte[] good = new StunWriter(StunClass.REQUEST, 1, TX).addFingerprint().toByteArray();
    byte[] fp = parse(good).attributeValue(StunAttribute.FINGERPRINT);
    byte[] msg = new StunWriter(StunClass.REQUEST, 1, TX)
        .add(StunAttribute.FINGERPRINT, fp)
        .addString(StunAttribute.SOFTWARE, "x")
        .toByteArray();
    assertFalse(parse(msg).hasValidFingerprint());
  }

  @Test
  void tamperedPayloadFailsIntegrity() {
    byte[] msg = StunMessage.bindingRequest(TX, "srvr:clnt", KEY, 5, false, true, 9);
    msg[StunMessage.HEADER_LENGTH + 4] ^= 1;
    StunMessage m = parse(msg);
    assertFalse(m.hasValidIntegrity(KEY));
    assertFalse(m.hasValidFingerprint());
  }

  @Test
  void writerRejectsProgrammingErrors() {
    assertThrows(IllegalArgumentException.class,
        () -> new StunWriter(StunClass.REQUEST, 1, new byte[11]));
    StunWriter w = new StunWriter(StunClass.REQUEST, 1, TX);
    assertThrows(IllegalArgumentException.class, () -> w.addMessageIntegrity(new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> w.addErrorCode(200, "x"));
    assertThrows(IllegalArgumentException.class, () -> w.add(1, new byte[70_000]));
    w.addFingerprint();
    assertThrows(IllegalStateException.class, () -> w.add(StunAttribute.SOFTWARE, new byte[1]));
  }

  @Test
  void paddingIsZeroAndLengthsAreExact() {
    byte[] msg = new StunWriter(StunClass.REQUEST, 1, TX)
        .addString(StunAttribute.USERNAME, "abcde")
        .toByteArray();
    assertEquals(StunMessage.HEADER_LENGTH + 12, msg.length);
    assertEquals(12, msg[3]);
    assertEquals(5, msg[StunMessage.HEADER_LENGTH + 3]);
    assertArrayEquals(new byte[3], Arrays.copyOfRange(msg, msg.length - 3, msg.length));
  }

  private static StunMessage parse(byte[] msg) {
    StunMessage m = StunMessage.parse(msg, 0, msg.length);
    assertNotNull(m);
    return m;
  }
}
