package dev.odeon.datachannel.sctp;

/**
 * SHUTDOWN COMPLETE (RFC 9260 §3.3.13): header only; T set means the tag is reflected.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 14   |Reserved     |T|      Length = 4               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
final class ShutdownCompleteChunk {
  private ShutdownCompleteChunk() {}

  static byte[] encode() {
    return Wire.chunk(ChunkType.SHUTDOWN_COMPLETE, 0, 0);
  }

  /** With T set: the verification tag is the one from the packet being answered (§8.4 item 5). */
  static byte[] encodeReflected() {
    return Wire.chunk(ChunkType.SHUTDOWN_COMPLETE, 1, 0);
  }

  static boolean isReflected(RawChunk c) {
    return (c.flags() & 1) != 0;
  }
}
