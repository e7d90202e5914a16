package dev.odeon.sfu.ice;

import java.security.GeneralSecurityException;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MESSAGE-INTEGRITY (RFC 8489 §14.5) and FINGERPRINT (§14.7) computations shared by the parser and
 * the writer. Both cover the message from its first byte up to (not including) the attribute being
 * computed, with the header's length field replaced by the length the message has once that attribute
 * is appended. Stateless; any thread.
 */
final class StunCrypto {
  static final int HMAC_SHA1_LENGTH = 20;
  static final int FINGERPRINT_XOR = 0x5354554e;

  private StunCrypto() {}

  /**
   * HMAC-SHA1 with {@code key} over {@code msg[off .. off+upTo)} where the header length field reads
   * {@code lengthField}. {@code key} must not be empty (JCE refuses empty HMAC keys).
   */
  static byte[] hmacSha1(byte[] key, byte[] msg, int off, int upTo, int lengthField) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      mac.update(adjustedHeader(msg, off, lengthField));
      mac.update(msg, off + StunMessage.HEADER_LENGTH, upTo - StunMessage.HEADER_LENGTH);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      // Every Java SE runtime must provide HmacSHA1; its absence is a broken platform, not bad input.
      throw new IllegalStateException("HmacSHA1 unavailable", e);
    }
  }

  /** CRC-32 of {@code msg[off .. off+upTo)} with the adjusted length field, XOR 0x5354554e. */
  static int fingerprint(byte[] msg, int off, int upTo, int lengthField) {
    CRC32 crc = new CRC32();
    crc.update(adjustedHeader(msg, off, lengthField));
    crc.update(msg, off + StunMessage.HEADER_LENGTH, upTo - StunMessage.HEADER_LENGTH);
    return (int) crc.getValue() ^ FINGERPRINT_XOR;
  }

  private static byte[] adjustedHeader(byte[] msg, int off, int lengthField) {
    byte[] header = new byte[StunMessage.HEADER_LENGTH];
    System.arraycopy(msg, off, header, 0, StunMessage.HEADER_LENGTH);
    header[2] = (byte) (lengthField >>> 8);
    header[3] = (byte) lengthField;
    return header;
  }
}
