package dev.odeon.datachannel.sctp;

/**
 * HEARTBEAT (RFC 9260 §3.3.5) and HEARTBEAT ACK (§3.3.6). The ACK echoes the request's Heartbeat
 * Information parameter unchanged; ours carries the send time and a nonce.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 4/5  | Chunk  Flags  |      Heartbeat Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Heartbeat Info Type=1      |         HB Info Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                  Sender-Specific Heartbeat Info               \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param info the sender-specific bytes inside the Heartbeat Info parameter
 */
record HeartbeatChunk(boolean ack, byte[] info) {

  static HeartbeatChunk parse(RawChunk c) {
    boolean ack = c.type() == ChunkType.HEARTBEAT_ACK;
    if ((c.type() != ChunkType.HEARTBEAT && !ack) || c.valueLen() < 4) {
      return null;
    }
    byte[] b = c.buf();
    int o = c.valueOff();
    int len = Wire.u16(b, o + 2);
    if (Wire.u16(b, o) != 1 || len < 4 || len > c.valueLen()) {
      return null;
    }
    byte[] info = new byte[len - 4];
    System.arraycopy(b, o + 4, info, 0, info.length);
    return new HeartbeatChunk(ack, info);
  }

  byte[] encode() {
    byte[] c = Wire.chunk(ack ? ChunkType.HEARTBEAT_ACK : ChunkType.HEARTBEAT, 0, 4 + info.length);
    Wire.put16(c, 4, 1);
    Wire.put16(c, 6, 4 + info.length);
    System.arraycopy(info, 0, c, 8, info.length);
    return c;
  }
}
