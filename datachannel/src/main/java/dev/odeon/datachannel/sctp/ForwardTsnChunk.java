package dev.odeon.datachannel.sctp;

/**
 * FORWARD TSN (RFC 3758 §3.2): moves the receiver's cumulative TSN past abandoned messages and
 * tells it which ordered stream sequence numbers to skip.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 192  |  Flags = 0x00 |        Length = Variable      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      New Cumulative TSN                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Stream-1              |       Stream Sequence-1       |
 * \                              ...                              \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
record ForwardTsnChunk(int newCumTsn, int[] streams, int[] ssns) {

  /** Returns null when short or when the stream list is not a whole number of 4-byte entries. */
  static ForwardTsnChunk parse(RawChunk c) {
    if (c.type() != ChunkType.FORWARD_TSN || c.valueLen() < 4 || (c.valueLen() - 4) % 4 != 0) {
      return null;
    }
    byte[] b = c.buf();
    int o = c.valueOff();
    int n = (c.valueLen() - 4) / 4;
    int[] streams = new int[n];
    int[] ssns = new int[n];
    for (int i = 0; i < n; i++) {
      streams[i] = Wire.u16(b, o + 4 + 4 * i);
      ssns[i] = Wire.u16(b, o + 6 + 4 * i);
    }
    return new ForwardTsnChunk(Wire.i32(b, o), streams, ssns);
  }

  byte[] encode() {
    byte[] c = Wire.chunk(ChunkType.FORWARD_TSN, 0, 4 + 4 * streams.length);
    Wire.put32(c, 4, newCumTsn);
    for (int i = 0; i < streams.length; i++) {
      Wire.put16(c, 8 + 4 * i, streams[i]);
      Wire.put16(c, 10 + 4 * i, ssns[i]);
    }
    return c;
  }
}
