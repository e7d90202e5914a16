package dev.odeon.datachannel.sctp;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The State Cookie (RFC 9260 §5.1.3): everything the responder needs to build the association,
 * signed with HMAC-SHA256 under a per-endpoint secret, so that no state is kept between INIT and
 * COOKIE ECHO. Layout (big-endian): created nanos (8), my tag (4), peer tag (4), my initial TSN
 * (4), peer initial TSN (4), peer a_rwnd (4), peer outbound streams (2), peer inbound streams (2),
 * flags (1: bit 0 forward-TSN, bit 1 reconfig), then the 32-byte MAC over the preceding bytes.
 */
record StateCookie(long createdNanos, int myTag, int peerTag, int myInitialTsn, int peerInitialTsn,
    long peerRwnd, int peerOutboundStreams, int peerInboundStreams, boolean peerForwardTsn,
    boolean peerReconfig) {
  private static final int BODY = 33;
  static final int LENGTH = BODY + 32;

  byte[] sign(byte[] secret) {
    byte[] c = new byte[LENGTH];
    Wire.put64(c, 0, createdNanos);
    Wire.put32(c, 8, myTag);
    Wire.put32(c, 12, peerTag);
    Wire.put32(c, 16, myInitialTsn);
    Wire.put32(c, 20, peerInitialTsn);
    Wire.put32(c, 24, peerRwnd);
    Wire.put16(c, 28, peerOutboundStreams);
    Wire.put16(c, 30, peerInboundStreams);
    c[32] = (byte) ((peerForwardTsn ? 1 : 0) | (peerReconfig ? 2 : 0));
    System.arraycopy(mac(secret, c), 0, c, BODY, 32);
    return c;
  }

  /**
   * Returns the cookie if its MAC verifies and it is between 0 and {@code lifetimeNanos} old at
   * {@code nowNanos}; null otherwise.
   */
  static StateCookie verify(byte[] c, byte[] secret, long nowNanos, long lifetimeNanos) {
    StateCookie k = authenticate(c, secret);
    return k != null && k.isFresh(nowNanos, lifetimeNanos) ? k : null;
  }

  boolean isFresh(long nowNanos, long lifetimeNanos) {
    long age = nowNanos - createdNanos;
    return age >= 0 && age <= lifetimeNanos;
  }

  /** Returns the cookie if its MAC verifies, whatever its age; null otherwise. */
  static StateCookie authenticate(byte[] c, byte[] secret) {
    if (c == null || c.length != LENGTH) {
      return null;
    }
    byte[] expected = mac(secret, c);
    byte[] actual = java.util.Arrays.copyOfRange(c, BODY, LENGTH);
    if (!MessageDigest.isEqual(expected, actual)) {
      return null;
    }
    return new StateCookie(Wire.i64(c, 0), Wire.i32(c, 8), Wire.i32(c, 12), Wire.i32(c, 16),
        Wire.i32(c, 20), Wire.u32(c, 24), Wire.u16(c, 28), Wire.u16(c, 30), (c[32] & 1) != 0,
        (c[32] & 2) != 0);
  }

  private static byte[] mac(byte[] secret, byte[] c) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(c, 0, BODY);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable in this JRE", e);
    }
  }
}
