package dev.odeon.sfu.ice;

import static dev.odeon.sfu.ice.StunTestBytes.PASSWORD;
import static dev.odeon.sfu.ice.StunTestBytes.REQUEST;
import static dev.odeon.sfu.ice.StunTestBytes.RESPONSE_IPV4;
import static dev.odeon.sfu.ice.StunTestBytes.RESPONSE_IPV6;
import static dev.odeon.sfu.ice.StunTestBytes.TX_ID;
import static dev.odeon.sfu.ice.StunTestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 5769 §2.1–2.3 test vectors. */
class StunMessageRfc5769Test {
  private static final byte[] KEY = PASSWORD.getBytes(StandardCharsets.UTF_8);

  @Test
  void sampleRequestDecodesAndVerifies() {
    StunMessage m = StunMessage.parse(REQUEST, 0, REQUEST.length);
    assertNotNull(m);
    assertTrue(StunMessage.isStun(REQUEST, 0, REQUEST.length));
    assertTrue(m.isBindingRequest());
    assertEquals(StunClass.REQUEST, m.messageClass());
    assertArrayEquals(TX_ID, m.transactionId());
    assertEquals("evtj:h6vY", m.username());
    assertEquals("STUN test client",
        new String(m.attributeValue(StunAttribute.SOFTWARE), StandardCharsets.UTF_8));
    assertEquals(0x6e0001ffL, m.priority());
    assertTrue(m.hasIceControlled());
    assertFalse(m.hasIceControlling());
    assertEquals(0x932ff9b151263b36L, m.tieBreaker());
    assertFalse(m.hasUseCandidate());
    assertTrue(m.hasValidIntegrity(KEY));
    assertTrue(m.hasValidFingerprint());
    assertFalse(m.hasValidIntegrity("VOkJxbRl1RmTxUk/WvJxBu".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void ipv4ResponseDecodesAndVerifies() throws Exception {
    StunMessage m = StunMessage.parse(RESPONSE_IPV4, 0, RESPONSE_IPV4.length);
    assertNotNull(m);
    assertTrue(m.isBindingSuccess());
    assertEquals(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853),
        m.xorMappedAddress());
    assertTrue(m.hasValidIntegrity(KEY));
    assertTrue(m.hasValidFingerprint());
  }

  @Test
  void ipv6ResponseDecodesAndVerifies() throws Exception {
    StunMessage m = StunMessage.parse(RESPONSE_IPV6, 0, RESPONSE_IPV6.length);
    assertNotNull(m);
    assertTrue(m.isBindingSuccess());
    assertEquals(new InetSocketAddress(
        InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853), m.xorMappedAddress());
    assertTrue(m.hasValidIntegrity(KEY));
    assertTrue(m.hasValidFingerprint());
  }

  @Test
  void vectorAtAnOffsetInALargerBufferParses() {
    byte[] buf = new byte[RESPONSE_IPV4.length + 7];
    System.arraycopy(RESPONSE_IPV4, 0, buf, 5, RESPONSE_IPV4.length);
    StunMessage m = StunMessage.parse(buf, 5, RESPONSE_IPV4.length);
    assertNotNull(m);
    assertTrue(m.hasValidIntegrity(KEY));
    assertTrue(m.hasValidFingerprint());
  }

  @Test
  void writerEncodesXorMappedAddressesAsTheVectors() throws Exception {
    assertArrayEquals(hex("0001a147e112a643"), encodedXorAddress("192.0.2.1"));
    assertArrayEquals(hex("0002a1470113a9faa5d3f179bc25f4b5bed2b9d9"),
        encodedXorAddress("2001:db8:1234:5678:11:2233:4455:6677"));
  }

  @Test
  void everySingleBitFlipBreaksIntegrityOrFingerprint() {
    for (int bit = 0; bit < REQUEST.length * 8; bit++) {
      byte[] copy = REQUEST.clone();
      copy[bit / 8] ^= (byte) (1 << (bit % 8));
      StunMessage m = StunMessage.parse(copy, 0, copy.length);
      boolean valid = m != null && m.hasValidIntegrity(KEY) && m.hasValidFingerprint();
      // Flips inside USERNAME's 0x20 padding are covered by the HMAC and CRC too.
      assertFalse(valid, "bit " + bit);
    }
  }

  private static byte[] encodedXorAddress(String ip) throws Exception {
    byte[] msg = new StunWriter(StunClass.SUCCESS_RESPONSE, StunAttribute.METHOD_BINDING, TX_ID)
        .addXorMappedAddress(new InetSocketAddress(InetAddress.getByName(ip), 32853))
        .toByteArray();
    return StunMessage.parse(msg, 0, msg.length).attributeValue(StunAttribute.XOR_MAPPED_ADDRESS);
  }
}
