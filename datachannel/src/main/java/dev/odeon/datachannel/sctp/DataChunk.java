package dev.odeon.datachannel.sctp;

/**
 * DATA chunk (RFC 9260 §3.3.1).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 0    |  Res  |I|U|B|E|            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                              TSN                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Stream Identifier S      |   Stream Sequence Number n    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Payload Protocol Identifier                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                 User Data (seq n of Stream S)                 \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
record DataChunk(int tsn, int streamId, int ssn, int ppid, boolean immediate, boolean unordered,
    boolean beginning, boolean ending, byte[] payload) {
  static final int HEADER = 16;

  /** Returns null for a value shorter than 12 bytes or with no user data (RFC 9260 §6.2). */
  static DataChunk parse(RawChunk c) {
    if (c.type() != ChunkType.DATA || c.valueLen() <= 12) {
      return null;
    }
    byte[] b = c.buf();
    int o = c.valueOff();
    int f = c.flags();
    byte[] payload = new byte[c.valueLen() - 12];
    System.arraycopy(b, o + 12, payload, 0, payload.length);
    return new DataChunk(Wire.i32(b, o), Wire.u16(b, o + 4), Wire.u16(b, o + 6), Wire.i32(b, o + 8),
        (f & 8) != 0, (f & 4) != 0, (f & 2) != 0, (f & 1) != 0, payload);
  }

  byte[] encode() {
    int flags = (immediate ? 8 : 0) | (unordered ? 4 : 0) | (beginning ? 2 : 0) | (ending ? 1 : 0);
    byte[] c = Wire.chunk(ChunkType.DATA, flags, 12 + payload.length);
    Wire.put32(c, 4, tsn);
    Wire.put16(c, 8, streamId);
    Wire.put16(c, 10, ssn);
    Wire.put32(c, 12, ppid);
    System.arraycopy(payload, 0, c, 16, payload.length);
    return c;
  }

  int encodedLength() {
    return HEADER + payload.length;
  }
}
