package dev.odeon.sfu.ice;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * One parsed STUN message (RFC 8489 §5, §14), immutable once parsed. It keeps a private copy of the
 * message bytes so MESSAGE-INTEGRITY and FINGERPRINT can be verified later. Parsing checks the
 * structure only; attribute accessors validate their own value lengths and answer "absent" for a
 * malformed value. Not thread-safe to share while parsing, immutable after; normally used on the
 * session's event-loop thread.
 *
 * <p>Attributes after MESSAGE-INTEGRITY other than FINGERPRINT are ignored by the accessors
 * (RFC 8489 §14.5) and make {@link #hasValidIntegrity} false. Of a repeated attribute the first wins.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0|     STUN Message Type     |         Message Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Magic Cookie                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     Transaction ID (96 bits)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Type                  |            Length             |  attributes,
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+  each padded
 * |                         Value (variable)                ....     to 4 bytes
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class StunMessage {
  /** Bytes in the fixed header. */
  public static final int HEADER_LENGTH = 20;
  /** Bytes in a transaction id. */
  public static final int TRANSACTION_ID_LENGTH = 12;

  private final byte[] raw;
  private final int messageType;
  private final int[] types;
  private final int[] valueOffsets;
  private final int[] valueLengths;
  private final int integrityIndex;
  private final int fingerprintIndex;

  private StunMessage(byte[] raw, int count) {
    this.raw = raw;
    this.messageType = u16(raw, 0);
    this.types = new int[count];
    this.valueOffsets = new int[count];
    this.valueLengths = new int[count];
    int integrity = -1;
    int fingerprint = -1;
    int p = HEADER_LENGTH;
    for (int i = 0; i < count; i++) {
      types[i] = u16(raw, p);
      valueLengths[i] = u16(raw, p + 2);
      valueOffsets[i] = p + 4;
      if (types[i] == StunAttribute.MESSAGE_INTEGRITY && integrity < 0) {
        integrity = i;
      } else if (types[i] == StunAttribute.FINGERPRINT && fingerprint < 0) {
        fingerprint = i;
      }
      p += 4 + padded(valueLengths[i]);
    }
    this.integrityIndex = integrity;
    this.fingerprintIndex = fingerprint;
  }

  /**
   * Cheap demultiplexing test (RFC 7983 §7: first byte 0..3) plus the header length and the magic
   * cookie. True does not mean {@link #parse} will succeed.
   */
  public static boolean isStun(byte[] b, int off, int len) {
    return b != null && off >= 0 && len >= HEADER_LENGTH && off <= b.length - len
        && (b[off] & 0xFF) <= 3
        && readInt(b, off + 4) == StunAttribute.MAGIC_COOKIE;
  }

  /**
   * Parses the STUN message at {@code buf[off .. off+len)}; returns null when it is malformed (or the
   * arguments are out of range). Never throws. Bytes past the header's message length are ignored.
   */
  public static StunMessage parse(byte[] buf, int off, int len) {
    if (buf == null || off < 0 || len < HEADER_LENGTH || off > buf.length - len) {
      return null;
    }
    if ((buf[off] & 0xC0) != 0 || readInt(buf, off + 4) != StunAttribute.MAGIC_COOKIE) {
      return null;
    }
    int msgLen = u16(buf, off + 2);
    if ((msgLen & 3) != 0 || msgLen > len - HEADER_LENGTH) {
      return null;
    }
    int end = off + HEADER_LENGTH + msgLen;
    int count = 0;
    // Every attribute starts 4-aligned and msgLen is a multiple of 4, so once a value fits, its
    // padding fits as well and the loop ends exactly at end.
    for (int p = off + HEADER_LENGTH; p < end; count++) {
      int valueLen = u16(buf, p + 2);
      if (valueLen > end - p - 4) {
        return null;
      }
      p += 4 + padded(valueLen);
    }
    return new StunMessage(Arrays.copyOfRange(buf, off, end), count);
  }

  /** The 12-bit method; {@link StunAttribute#METHOD_BINDING} for ICE. */
  public int method() {
    return StunClass.methodOf(messageType);
  }

  public StunClass messageClass() {
    return StunClass.classOf(messageType);
  }

  public boolean isBindingRequest() {
    return isBinding(StunClass.REQUEST);
  }

  public boolean isBindingSuccess() {
    return isBinding(StunClass.SUCCESS_RESPONSE);
  }

  public boolean isBindingError() {
    return isBinding(StunClass.ERROR_RESPONSE);
  }

  public boolean isBindingIndication() {
    return isBinding(StunClass.INDICATION);
  }

  private boolean isBinding(StunClass cls) {
    return method() == StunAttribute.METHOD_BINDING && messageClass() == cls;
  }

  /** A copy of the 12-byte transaction id. */
  public byte[] transactionId() {
    return Arrays.copyOfRange(raw, 8, HEADER_LENGTH);
  }

  /** Whole message length in bytes, header included. */
  public int length() {
    return raw.length;
  }

  /** A copy of the message bytes. */
  public byte[] toByteArray() {
    return raw.clone();
  }

  public boolean hasAttribute(int type) {
    return find(type) >= 0;
  }

  /** A copy of the first value of attribute {@code type}, or null when absent. */
  public byte[] attributeValue(int type) {
    int i = find(type);
    return i < 0 ? null : Arrays.copyOfRange(raw, valueOffsets[i], valueOffsets[i] + valueLengths[i]);
  }

  /** USERNAME decoded as UTF-8 (malformed sequences replaced), or null when absent. */
  public String username() {
    int i = find(StunAttribute.USERNAME);
    return i < 0 ? null : new String(raw, valueOffsets[i], valueLengths[i], StandardCharsets.UTF_8);
  }

  /** PRIORITY as an unsigned 32-bit value, or -1 when absent or malformed. */
  public long priority() {
    int i = find(StunAttribute.PRIORITY);
    return i < 0 || valueLengths[i] != 4 ? -1 : readInt(raw, valueOffsets[i]) & 0xFFFF_FFFFL;
  }

  public boolean hasUseCandidate() {
    return hasAttribute(StunAttribute.USE_CANDIDATE);
  }

  /** True when a well-formed (8-byte) ICE-CONTROLLED is present. */
  public boolean hasIceControlled() {
    return tieBreakerIndex(StunAttribute.ICE_CONTROLLED) >= 0;
  }

  /** True when a well-formed (8-byte) ICE-CONTROLLING is present. */
  public boolean hasIceControlling() {
    return tieBreakerIndex(StunAttribute.ICE_CONTROLLING) >= 0;
  }

  /** The tie-breaker of ICE-CONTROLLING, else of ICE-CONTROLLED, else 0. */
  public long tieBreaker() {
    int i = tieBreakerIndex(StunAttribute.ICE_CONTROLLING);
    if (i < 0) {
      i = tieBreakerIndex(StunAttribute.ICE_CONTROLLED);
    }
    return i < 0 ? 0 : ((long) readInt(raw, valueOffsets[i]) << 32)
        | (readInt(raw, valueOffsets[i] + 4) & 0xFFFF_FFFFL);
  }

  private int tieBreakerIndex(int type) {
    int i = find(type);
    return i >= 0 && valueLengths[i] == 8 ? i : -1;
  }

  /**
   * ERROR-CODE as class * 100 + number (e.g. 401), or -1 when absent or malformed (RFC 8489 §14.8).
   */
  public int errorCode() {
    int i = find(StunAttribute.ERROR_CODE);
    if (i < 0 || valueLengths[i] < 4) {
      return -1;
    }
    int cls = raw[valueOffsets[i] + 2] & 0x07;
    int number = raw[valueOffsets[i] + 3] & 0xFF;
    return cls * 100 + number;
  }

  /** The ERROR-CODE reason phrase, or null when absent or malformed. */
  public String errorReason() {
    int i = find(StunAttribute.ERROR_CODE);
    return i < 0 || valueLengths[i] < 4 ? null
        : new String(raw, valueOffsets[i] + 4, valueLengths[i] - 4, StandardCharsets.UTF_8);
  }

  /** XOR-MAPPED-ADDRESS (IPv4 or IPv6), or null when absent or malformed. */
  public InetSocketAddress xorMappedAddress() {
    int i = find(StunAttribute.XOR_MAPPED_ADDRESS);
    return i < 0 ? null : XorAddress.decode(raw, 0, valueOffsets[i], valueLengths[i]);
  }

  public boolean hasMessageIntegrity() {
    return integrityIndex >= 0;
  }

  public boolean hasFingerprint() {
    return fingerprintIndex >= 0;
  }

  /**
   * True when MESSAGE-INTEGRITY is present, well formed, followed by nothing but FINGERPRINT, and
   * equals HMAC-SHA1 with {@code key} over the message up to it with the header length adjusted
   * (RFC 8489 §14.5). For ICE the key is the password's UTF-8 bytes. Null or empty key: false.
   */
  public boolean hasValidIntegrity(byte[] key) {
    if (key == null || key.length == 0 || integrityIndex < 0
        || valueLengths[integrityIndex] != StunCrypto.HMAC_SHA1_LENGTH) {
      return false;
    }
    for (int i = integrityIndex + 1; i < types.length; i++) {
      if (types[i] != StunAttribute.FINGERPRINT) {
        return false;
      }
    }
    int attrStart = valueOffsets[integrityIndex] - 4;
    int lengthField = attrStart - HEADER_LENGTH + 4 + StunCrypto.HMAC_SHA1_LENGTH;
    byte[] expected = StunCrypto.hmacSha1(key, raw, 0, attrStart, lengthField);
    byte[] actual = Arrays.copyOfRange(raw, valueOffsets[integrityIndex],
        valueOffsets[integrityIndex] + StunCrypto.HMAC_SHA1_LENGTH);
    return MessageDigest.isEqual(expected, actual);
  }

  /**
   * True when FINGERPRINT is the last attribute, 4 bytes long, and equals CRC-32 of the message up to
   * it XOR 0x5354554e (RFC 8489 §14.7).
   */
  public boolean hasValidFingerprint() {
    if (fingerprintIndex < 0 || fingerprintIndex != types.length - 1
        || valueLengths[fingerprintIndex] != 4) {
      return false;
    }
    int attrStart = valueOffsets[fingerprintIndex] - 4;
    int expected = StunCrypto.fingerprint(raw, 0, attrStart, raw.length - HEADER_LENGTH);
    return expected == readInt(raw, valueOffsets[fingerprintIndex]);
  }

  /** See {@link StunWriter#bindingSuccess}. */
  public static byte[] bindingSuccess(byte[] txId, InetSocketAddress mapped, byte[] integrityKey) {
    return StunWriter.bindingSuccess(txId, mapped, integrityKey);
  }

  /** See {@link StunWriter#bindingError}. */
  public static byte[] bindingError(byte[] txId, int code, String reason, byte[] keyOrNull) {
    return StunWriter.bindingError(txId, code, reason, keyOrNull);
  }

  /** See {@link StunWriter#bindingRequest}. */
  public static byte[] bindingRequest(byte[] txId, String username, byte[] key, long priority,
      boolean useCandidate, boolean controlling, long tieBreaker) {
    return StunWriter.bindingRequest(txId, username, key, priority, useCandidate, controlling,
        tieBreaker);
  }

  @Override
  public String toString() {
    return "StunMessage[" + messageClass() + " method=0x" + Integer.toHexString(method())
        + " length=" + raw.length + " attributes=" + types.length + "]";
  }

  /** Index of the first attribute {@code type}, ignoring all but FINGERPRINT after MI. */
  private int find(int type) {
    if (type == StunAttribute.FINGERPRINT) {
      return fingerprintIndex;
    }
    int limit = integrityIndex >= 0 ? integrityIndex + 1 : types.length;
    for (int i = 0; i < limit; i++) {
      if (types[i] == type) {
        return i;
      }
    }
    return -1;
  }

  private static int padded(int len) {
    return (len + 3) & ~3;
  }

  static int u16(byte[] b, int off) {
    return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
  }

  static int readInt(byte[] b, int off) {
    return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8)
        | (b[off + 3] & 0xFF);
  }
}
