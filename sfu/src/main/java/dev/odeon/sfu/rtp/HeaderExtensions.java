package dev.odeon.sfu.rtp;

/**
 * Lookup of RFC 8285 header extension elements inside an already length-checked extension block.
 * No allocation: a hit is packed into a long (data offset in the high half, length in the low).
 *
 * <pre>
 * One-byte form (profile 0xBEDE), RFC 8285 §4.2:      Two-byte form (profile 0x100X), §4.3:
 *  0                   1                               0                   1
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5                     0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  ID   |  L=n-1|  data (n bytes)                   |      ID       |    length     | data...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * One-byte form: ID 0 is a single padding byte; ID 15 is reserved and stops parsing (§4.2).
 * Two-byte form: an ID byte of 0 is a single padding byte; data may be empty.
 */
final class HeaderExtensions {
  static final int PROFILE_ONE_BYTE = 0xBEDE;
  static final int PROFILE_TWO_BYTE_MASK = 0xFFF0;
  static final int PROFILE_TWO_BYTE = 0x1000;
  static final long NOT_FOUND = -1L;

  private HeaderExtensions() {}

  /**
   * Finds element {@code id} in the block {@code b[start, start+len)} of the given profile.
   *
   * @return {@code (dataOffset << 32) | dataLength}, or {@link #NOT_FOUND} when absent, when the
   *     profile is not an RFC 8285 one, or when an element before or at the hit lies about its length.
   */
  static long find(byte[] b, int start, int len, int profile, int id) {
    if (profile == PROFILE_ONE_BYTE) {
      return id >= 1 && id <= 14 ? findOneByte(b, start, start + len, id) : NOT_FOUND;
    }
    if ((profile & PROFILE_TWO_BYTE_MASK) == PROFILE_TWO_BYTE) {
      return id >= 1 && id <= 255 ? findTwoByte(b, start, start + len, id) : NOT_FOUND;
    }
    return NOT_FOUND;
  }

  private static long findOneByte(byte[] b, int i, int end, int id) {
    while (i < end) {
      int h = b[i] & 0xFF;
      int elementId = h >>> 4;
      if (elementId == 0) {
        i++; // Padding byte (its L must be 0; a non-zero L is tolerated as padding too).
        continue;
      }
      if (elementId == 15) {
        return NOT_FOUND;
      }
      int n = (h & 0x0F) + 1;
      int data = i + 1;
      if (data + n > end) {
        return NOT_FOUND;
      }
      if (elementId == id) {
        return (long) data << 32 | n;
      }
      i = data + n;
    }
    return NOT_FOUND;
  }

  private static long findTwoByte(byte[] b, int i, int end, int id) {
    while (i < end) {
      int elementId = b[i] & 0xFF;
      if (elementId == 0) {
        i++;
        continue;
      }
      if (i + 2 > end) {
        return NOT_FOUND;
      }
      int n = b[i + 1] & 0xFF;
      int data = i + 2;
      if (data + n > end) {
        return NOT_FOUND;
      }
      if (elementId == id) {
        return (long) data << 32 | n;
      }
      i = data + n;
    }
    return NOT_FOUND;
  }
}
