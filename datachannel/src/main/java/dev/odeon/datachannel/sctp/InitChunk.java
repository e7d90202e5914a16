package dev.odeon.datachannel.sctp;

/**
 * INIT (RFC 9260 §3.3.2) and INIT ACK (§3.3.3) chunks, with the parameters WebRTC uses: State
 * Cookie (7, INIT ACK only), Forward-TSN-Supported (0xC000, RFC 3758 §3.1) and Supported
 * Extensions (0x8008, RFC 5061 §4.2.7). Unknown parameters are skipped.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 1/2  |  Chunk Flags  |      Chunk Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Initiate Tag                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Advertised Receiver Window Credit (a_rwnd)           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Number of Outbound Streams   |  Number of Inbound Streams    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          Initial TSN                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \              Optional/Variable-Length Parameters              \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   each parameter: Type (16) | Length (16, >= 4) | Value, padded to 4 bytes
 * </pre>
 */
record InitChunk(boolean ack, int initiateTag, long aRwnd, int outboundStreams, int inboundStreams,
    int initialTsn, boolean forwardTsnSupported, boolean reconfigSupported, byte[] cookie) {
  private static final int PARAM_COOKIE = 7;
  private static final int PARAM_FORWARD_TSN = 0xC000;
  private static final int PARAM_EXTENSIONS = 0x8008;

  /**
   * Returns null when the fixed part is short, a tag or stream count is zero, a parameter length is
   * below 4 or runs past the chunk, or an INIT ACK carries no cookie.
   */
  static InitChunk parse(RawChunk c) {
    boolean ack = c.type() == ChunkType.INIT_ACK;
    if ((c.type() != ChunkType.INIT && !ack) || c.valueLen() < 16) {
      return null;
    }
    byte[] b = c.buf();
    int o = c.valueOff();
    int tag = Wire.i32(b, o);
    int os = Wire.u16(b, o + 8);
    int mis = Wire.u16(b, o + 10);
    if (tag == 0 || os == 0 || mis == 0) {
      return null;
    }
    boolean fwd = false;
    boolean reconfig = false;
    byte[] cookie = null;
    int p = o + 16;
    int end = o + c.valueLen();
    while (p < end) {
      if (end - p < 4) {
        return null;
      }
      int type = Wire.u16(b, p);
      int len = Wire.u16(b, p + 2);
      if (len < 4 || len > end - p) {
        return null;
      }
      if (type == PARAM_COOKIE) {
        cookie = new byte[len - 4];
        System.arraycopy(b, p + 4, cookie, 0, cookie.length);
      } else if (type == PARAM_FORWARD_TSN) {
        fwd = true;
      } else if (type == PARAM_EXTENSIONS) {
        for (int i = p + 4; i < p + len; i++) {
          int t = Wire.u8(b, i);
          fwd |= t == ChunkType.FORWARD_TSN;
          reconfig |= t == ChunkType.RECONFIG;
        }
      }
      p += Math.min(Wire.padded(len), end - p);
    }
    if (ack && cookie == null) {
      return null;
    }
    return new InitChunk(ack, tag, Wire.u32(b, o + 4), os, mis, Wire.i32(b, o + 12), fwd, reconfig,
        ack ? cookie : null);
  }

  /** Our INIT: we offer {@code config.numStreams()} both ways, FORWARD-TSN and RE-CONFIG. */
  static InitChunk init(SctpConfig config, int tag, int initialTsn) {
    return new InitChunk(false, tag, config.receiveWindow(), config.numStreams(),
        config.numStreams(), initialTsn, true, true, null);
  }

  /**
   * Our INIT ACK to {@code peer}, carrying a State Cookie signed with {@code secret} that holds
   * everything needed to build the association later (RFC 9260 §5.1.3).
   */
  static InitChunk initAck(SctpConfig config, InitChunk peer, int tag, int initialTsn,
      long nowNanos, byte[] secret) {
    byte[] cookie = new StateCookie(nowNanos, tag, peer.initiateTag(), initialTsn,
        peer.initialTsn(), peer.aRwnd(), peer.outboundStreams(), peer.inboundStreams(),
        peer.forwardTsnSupported(), peer.reconfigSupported()).sign(secret);
    return new InitChunk(true, tag, config.receiveWindow(), config.numStreams(),
        config.numStreams(), initialTsn, true, true, cookie);
  }

  byte[] encode() {
    int cookieParam = cookie == null ? 0 : Wire.padded(4 + cookie.length);
    byte[] c = Wire.chunk(ack ? ChunkType.INIT_ACK : ChunkType.INIT, 0, 16 + cookieParam + 4 + 8);
    Wire.put32(c, 4, initiateTag);
    Wire.put32(c, 8, aRwnd);
    Wire.put16(c, 12, outboundStreams);
    Wire.put16(c, 14, inboundStreams);
    Wire.put32(c, 16, initialTsn);
    int p = 20;
    if (cookie != null) {
      Wire.put16(c, p, PARAM_COOKIE);
      Wire.put16(c, p + 2, 4 + cookie.length);
      System.arraycopy(cookie, 0, c, p + 4, cookie.length);
      p += cookieParam;
    }
    Wire.put16(c, p, PARAM_FORWARD_TSN);
    Wire.put16(c, p + 2, 4);
    p += 4;
    Wire.put16(c, p, PARAM_EXTENSIONS);
    Wire.put16(c, p + 2, 6);
    c[p + 4] = (byte) ChunkType.RECONFIG;
    c[p + 5] = (byte) ChunkType.FORWARD_TSN;
    return c;
  }
}
