package dev.odeon.sfu.ice;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one STUN message (RFC 8489 §5, §14) into a byte array: header, attributes in the order
 * added (each zero-padded to 4 bytes), then optionally MESSAGE-INTEGRITY and FINGERPRINT, which must
 * come last and in that order. Also holds the ready-made binding messages the SFU and test clients
 * send. One writer per message, single thread; arguments are trusted (bad ones throw
 * {@link IllegalArgumentException}, they are programming errors, not network input).
 */
public final class StunWriter {
  private static final int MAX_MESSAGE_LENGTH = 0xFFFF - 3;

  private byte[] buf = new byte[128];
  private int len;
  private boolean sealed;

  /** Starts a message of {@code cls} and {@code method} with the given 12-byte transaction id. */
  public StunWriter(StunClass cls, int method, byte[] txId) {
    if (txId == null || txId.length != StunMessage.TRANSACTION_ID_LENGTH) {
      throw new IllegalArgumentException("transaction id must be 12 bytes");
    }
    int type = cls.messageType(method);
    buf[0] = (byte) (type >>> 8);
    buf[1] = (byte) type;
    writeInt(4, StunAttribute.MAGIC_COOKIE);
    System.arraycopy(txId, 0, buf, 8, StunMessage.TRANSACTION_ID_LENGTH);
    len = StunMessage.HEADER_LENGTH;
  }

  /** Appends attribute {@code type} with {@code value}, zero-padded. */
  public StunWriter add(int type, byte[] value) {
    if (sealed) {
      throw new IllegalStateException("attribute after FINGERPRINT");
    }
    int padded = (value.length + 3) & ~3;
    if (len - StunMessage.HEADER_LENGTH + 4 + padded > MAX_MESSAGE_LENGTH) {
      throw new IllegalArgumentException("STUN message too long");
    }
    ensure(4 + padded);
    buf[len] = (byte) (type >>> 8);
    buf[len + 1] = (byte) type;
    buf[len + 2] = (byte) (value.length >>> 8);
    buf[len + 3] = (byte) value.length;
    System.arraycopy(value, 0, buf, len + 4, value.length);
    Arrays.fill(buf, len + 4 + value.length, len + 4 + padded, (byte) 0);
    len += 4 + padded;
    return this;
  }

  public StunWriter addString(int type, String value) {
    return add(type, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Appends a 32-bit value (e.g. PRIORITY, unsigned). */
  public StunWriter addU32(int type, long value) {
    byte[] v = new byte[4];
    for (int i = 0; i < 4; i++) {
      v[i] = (byte) (value >>> (24 - 8 * i));
    }
    return add(type, v);
  }

  /** Appends a 64-bit value (e.g. ICE-CONTROLLING's tie-breaker). */
  public StunWriter addU64(int type, long value) {
    byte[] v = new byte[8];
    for (int i = 0; i < 8; i++) {
      v[i] = (byte) (value >>> (56 - 8 * i));
    }
    return add(type, v);
  }

  /** Appends XOR-MAPPED-ADDRESS for a resolved address. */
  public StunWriter addXorMappedAddress(InetSocketAddress address) {
    return add(StunAttribute.XOR_MAPPED_ADDRESS,
        XorAddress.encode(address, Arrays.copyOfRange(buf, 4, StunMessage.HEADER_LENGTH)));
  }

  /** Appends ERROR-CODE (RFC 8489 §14.8): {@code code} 300..699 and a UTF-8 reason phrase. */
  public StunWriter addErrorCode(int code, String reason) {
    if (code < 300 || code > 699) {
      throw new IllegalArgumentException("error code out of range: " + code);
    }
    byte[] phrase = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
    byte[] v = new byte[4 + phrase.length];
    v[2] = (byte) (code / 100);
    v[3] = (byte) (code % 100);
    System.arraycopy(phrase, 0, v, 4, phrase.length);
    return add(StunAttribute.ERROR_CODE, v);
  }

  /** Appends MESSAGE-INTEGRITY: HMAC-SHA1 with {@code key} (non-empty) over the message so far. */
  public StunWriter addMessageIntegrity(byte[] key) {
    if (key == null || key.length == 0) {
      throw new IllegalArgumentException("empty integrity key");
    }
    int lengthField = len - StunMessage.HEADER_LENGTH + 4 + StunCrypto.HMAC_SHA1_LENGTH;
    return add(StunAttribute.MESSAGE_INTEGRITY,
        StunCrypto.hmacSha1(key, buf, 0, len, lengthField));
  }

  /** Appends FINGERPRINT; nothing may be added after it. */
  public StunWriter addFingerprint() {
    int crc = StunCrypto.fingerprint(buf, 0, len, len - StunMessage.HEADER_LENGTH + 8);
    add(StunAttribute.FINGERPRINT, new byte[] {
        (byte) (crc >>> 24), (byte) (crc >>> 16), (byte) (crc >>> 8), (byte) crc});
    sealed = true;
    return this;
  }

  /** The finished message with the header length filled in. */
  public byte[] toByteArray() {
    int msgLen = len - StunMessage.HEADER_LENGTH;
    buf[2] = (byte) (msgLen >>> 8);
    buf[3] = (byte) msgLen;
    return Arrays.copyOf(buf, len);
  }

  /**
   * A Binding success response: XOR-MAPPED-ADDRESS = {@code mapped}, MESSAGE-INTEGRITY with
   * {@code integrityKey} (omitted when null), FINGERPRINT.
   */
  public static byte[] bindingSuccess(byte[] txId, InetSocketAddress mapped, byte[] integrityKey) {
    StunWriter w = new StunWriter(StunClass.SUCCESS_RESPONSE, StunAttribute.METHOD_BINDING, txId)
        .addXorMappedAddress(mapped);
    if (integrityKey != null) {
      w.addMessageIntegrity(integrityKey);
    }
    return w.addFingerprint().toByteArray();
  }

  /**
   * A Binding error response: ERROR-CODE, MESSAGE-INTEGRITY when {@code keyOrNull} is given,
   * FINGERPRINT. A 401 must not carry integrity (the request could not be authenticated).
   */
  public static byte[] bindingError(byte[] txId, int code, String reason, byte[] keyOrNull) {
    StunWriter w = new StunWriter(StunClass.ERROR_RESPONSE, StunAttribute.METHOD_BINDING, txId)
        .addErrorCode(code, reason);
    if (keyOrNull != null) {
      w.addMessageIntegrity(keyOrNull);
    }
    return w.addFingerprint().toByteArray();
  }

  /**
   * An ICE connectivity check (RFC 8445 §7.1.1) as a client sends it: USERNAME, ICE-CONTROLLING or
   * ICE-CONTROLLED with {@code tieBreaker}, PRIORITY (unsigned 32-bit), USE-CANDIDATE when asked,
   * MESSAGE-INTEGRITY with {@code key} (the remote password's UTF-8; omitted when null), FINGERPRINT.
   */
  public static byte[] bindingRequest(byte[] txId, String username, byte[] key, long priority,
      boolean useCandidate, boolean controlling, long tieBreaker) {
    StunWriter w = new StunWriter(StunClass.REQUEST, StunAttribute.METHOD_BINDING, txId)
        .addString(StunAttribute.USERNAME, username)
        .addU64(controlling ? StunAttribute.ICE_CONTROLLING : StunAttribute.ICE_CONTROLLED,
            tieBreaker)
        .addU32(StunAttribute.PRIORITY, priority);
    if (useCandidate) {
      w.add(StunAttribute.USE_CANDIDATE, new byte[0]);
    }
    if (key != null) {
      w.addMessageIntegrity(key);
    }
    return w.addFingerprint().toByteArray();
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  private void writeInt(int off, int v) {
    buf[off] = (byte) (v >>> 24);
    buf[off + 1] = (byte) (v >>> 16);
    buf[off + 2] = (byte) (v >>> 8);
    buf[off + 3] = (byte) v;
  }
}
