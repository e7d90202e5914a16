package dev.odeon.datachannel.sctp;

/**
 * COOKIE ECHO (RFC 9260 §3.3.11): the State Cookie from the INIT ACK, returned verbatim.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 10   |Chunk  Flags   |         Length                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * /                     Cookie                                    /
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
record CookieEchoChunk(byte[] cookie) {

  static CookieEchoChunk parse(RawChunk c) {
    if (c.type() != ChunkType.COOKIE_ECHO || c.valueLen() != StateCookie.LENGTH) {
      return null;
    }
    byte[] cookie = new byte[c.valueLen()];
    System.arraycopy(c.buf(), c.valueOff(), cookie, 0, cookie.length);
    return new CookieEchoChunk(cookie);
  }

  byte[] encode() {
    byte[] c = Wire.chunk(ChunkType.COOKIE_ECHO, 0, cookie.length);
    System.arraycopy(cookie, 0, c, 4, cookie.length);
    return c;
  }
}
