package dev.odeon.datachannel.sctp;

/**
 * ABORT (RFC 9260 §3.3.7). T set means the verification tag is the sender's own (reflected).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 6    |  Reserved   |T|           Length              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \               zero or more Error Causes                       \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param causeCode the first error cause's code, or -1 when none is present
 */
record AbortChunk(boolean reflected, int causeCode) {

  static AbortChunk parse(RawChunk c) {
    if (c.type() != ChunkType.ABORT) {
      return null;
    }
    int cause = c.valueLen() >= 4 ? Wire.u16(c.buf(), c.valueOff()) : -1;
    return new AbortChunk((c.flags() & 1) != 0, cause);
  }

  /** An ABORT with one User-Initiated Abort cause (12) carrying no reason bytes, or none. */
  byte[] encode() {
    if (causeCode < 0) {
      return Wire.chunk(ChunkType.ABORT, reflected ? 1 : 0, 0);
    }
    byte[] c = Wire.chunk(ChunkType.ABORT, reflected ? 1 : 0, 4);
    Wire.put16(c, 4, causeCode);
    Wire.put16(c, 6, 4);
    return c;
  }
}
