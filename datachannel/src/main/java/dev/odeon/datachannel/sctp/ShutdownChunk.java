package dev.odeon.datachannel.sctp;

/**
 * SHUTDOWN (RFC 9260 §3.3.8).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 7    | Chunk  Flags  |      Length = 8               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Cumulative TSN Ack                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
record ShutdownChunk(int cumTsnAck) {

  static ShutdownChunk parse(RawChunk c) {
    if (c.type() != ChunkType.SHUTDOWN || c.valueLen() < 4) {
      return null;
    }
    return new ShutdownChunk(Wire.i32(c.buf(), c.valueOff()));
  }

  byte[] encode() {
    byte[] c = Wire.chunk(ChunkType.SHUTDOWN, 0, 4);
    Wire.put32(c, 4, cumTsnAck);
    return c;
  }
}
