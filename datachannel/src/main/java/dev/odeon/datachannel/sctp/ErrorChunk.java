package dev.odeon.datachannel.sctp;

/**
 * Operation Error (RFC 9260 §3.3.10). We send one cause per chunk: Unrecognized Chunk Type (6)
 * carrying the offending chunk header, or Invalid Stream Identifier (1).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 9    | Chunk  Flags  |           Length              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Cause Code            |       Cause Length            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                    Cause-Specific Information                 \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param causeCode first cause code, or -1 when none is present
 * @param info cause-specific bytes of the first cause
 */
record ErrorChunk(int causeCode, byte[] info) {
  static final int INVALID_STREAM = 1;
  static final int STALE_COOKIE = 3;
  static final int UNRECOGNIZED_CHUNK = 6;

  static ErrorChunk parse(RawChunk c) {
    if (c.type() != ChunkType.ERROR) {
      return null;
    }
    if (c.valueLen() < 4) {
      return new ErrorChunk(-1, new byte[0]);
    }
    int len = Wire.u16(c.buf(), c.valueOff() + 2);
    if (len < 4 || len > c.valueLen()) {
      return null;
    }
    byte[] info = new byte[len - 4];
    System.arraycopy(c.buf(), c.valueOff() + 4, info, 0, info.length);
    return new ErrorChunk(Wire.u16(c.buf(), c.valueOff()), info);
  }

  byte[] encode() {
    byte[] c = Wire.chunk(ChunkType.ERROR, 0, Wire.padded(4 + info.length));
    Wire.put16(c, 4, causeCode);
    Wire.put16(c, 6, 4 + info.length);
    System.arraycopy(info, 0, c, 8, info.length);
    return c;
  }
}
