package dev.odeon.datachannel.sctp;

/**
 * Selective Acknowledgement (RFC 9260 §3.3.4). Gap block offsets are relative to the cumulative
 * TSN ack.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 3    |Chunk  Flags   |      Chunk Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Cumulative TSN Ack                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Advertised Receiver Window Credit (a_rwnd)           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Number of Gap Ack Blocks = N  |  Number of Duplicate TSNs = M |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Gap Ack Block #1 Start     |   Gap Ack Block #1 End        |
 * \                              ...                              \
 * |                       Duplicate TSN 1..M                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
record SackChunk(int cumTsnAck, long aRwnd, int[] gapStarts, int[] gapEnds, int[] duplicates) {

  /** Returns null when the value is short or the gap/duplicate counts run past the chunk. */
  static SackChunk parse(RawChunk c) {
    if (c.type() != ChunkType.SACK || c.valueLen() < 12) {
      return null;
    }
    byte[] b = c.buf();
    int o = c.valueOff();
    int gaps = Wire.u16(b, o + 8);
    int dups = Wire.u16(b, o + 10);
    if (12 + 4L * gaps + 4L * dups > c.valueLen()) {
      return null;
    }
    int[] starts = new int[gaps];
    int[] ends = new int[gaps];
    for (int i = 0; i < gaps; i++) {
      starts[i] = Wire.u16(b, o + 12 + 4 * i);
      ends[i] = Wire.u16(b, o + 14 + 4 * i);
      // Blocks must be ascending and disjoint (RFC 9260 §3.3.4); overlapping ones would only
      // make the sender walk the same chunks again.
      if (starts[i] == 0 || ends[i] < starts[i] || (i > 0 && starts[i] <= ends[i - 1] + 1)) {
        return null;
      }
    }
    int[] d = new int[dups];
    for (int i = 0; i < dups; i++) {
      d[i] = Wire.i32(b, o + 12 + 4 * gaps + 4 * i);
    }
    return new SackChunk(Wire.i32(b, o), Wire.u32(b, o + 4), starts, ends, d);
  }

  byte[] encode() {
    int n = gapStarts.length;
    byte[] c = Wire.chunk(ChunkType.SACK, 0, 12 + 4 * n + 4 * duplicates.length);
    Wire.put32(c, 4, cumTsnAck);
    Wire.put32(c, 8, aRwnd);
    Wire.put16(c, 12, n);
    Wire.put16(c, 14, duplicates.length);
    for (int i = 0; i < n; i++) {
      Wire.put16(c, 16 + 4 * i, gapStarts[i]);
      Wire.put16(c, 18 + 4 * i, gapEnds[i]);
    }
    for (int i = 0; i < duplicates.length; i++) {
      Wire.put32(c, 16 + 4 * n + 4 * i, duplicates[i]);
    }
    return c;
  }
}
