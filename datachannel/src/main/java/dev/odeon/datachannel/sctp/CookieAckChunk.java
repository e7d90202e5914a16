package dev.odeon.datachannel.sctp;

/**
 * COOKIE ACK (RFC 9260 §3.3.12): header only.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 11   |Chunk  Flags   |     Length = 4                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
final class CookieAckChunk {
  private CookieAckChunk() {}

  static byte[] encode() {
    return Wire.chunk(ChunkType.COOKIE_ACK, 0, 0);
  }
}
