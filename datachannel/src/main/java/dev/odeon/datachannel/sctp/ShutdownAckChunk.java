package dev.odeon.datachannel.sctp;

/**
 * SHUTDOWN ACK (RFC 9260 §3.3.9): header only.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 8    |Chunk  Flags   |      Length = 4               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
final class ShutdownAckChunk {
  private ShutdownAckChunk() {}

  static byte[] encode() {
    return Wire.chunk(ChunkType.SHUTDOWN_ACK, 0, 0);
  }
}
