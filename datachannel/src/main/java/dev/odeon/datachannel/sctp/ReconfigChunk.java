package dev.odeon.datachannel.sctp;

/**
 * RE-CONFIG (RFC 6525 §3.1) carrying one Outgoing SSN Reset Request (§4.1) or one Re-configuration
 * Response (§4.4); other parameters are ignored (the parse yields neither).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Type = 130    |  Chunk Flags  |      Chunk Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Parameter Type = 13       | Parameter Length = 16 + 2 * N |
 * |           Re-configuration Request Sequence Number            |
 * |           Re-configuration Response Sequence Number           |
 * |                Sender's Last Assigned TSN                     |
 * |  Stream Number 1 (optional)   |    Stream Number 2 (optional) |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   or
 * |     Parameter Type = 16       |      Parameter Length         |
 * |         Re-configuration Response Sequence Number             |
 * |                            Result                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param request the reset request, or null
 * @param response the response, or null
 */
record ReconfigChunk(ResetRequest request, Response response) {
  static final int RESULT_NOTHING_TO_DO = 0;
  static final int RESULT_PERFORMED = 1;
  static final int RESULT_DENIED = 2;
  static final int RESULT_IN_PROGRESS = 6;
  private static final int PARAM_OUTGOING_RESET = 13;
  private static final int PARAM_RESPONSE = 16;

  /** Outgoing SSN Reset Request parameter. */
  record ResetRequest(int requestSeq, int responseSeq, int lastTsn, int[] streams) {}

  /** Re-configuration Response parameter. */
  record Response(int responseSeq, int result) {}

  /** Returns null when a parameter length is below its minimum or runs past the chunk. */
  static ReconfigChunk parse(RawChunk c) {
    if (c.type() != ChunkType.RECONFIG) {
      return null;
    }
    byte[] b = c.buf();
    int p = c.valueOff();
    int end = p + c.valueLen();
    ResetRequest req = null;
    Response resp = null;
    while (p < end) {
      if (end - p < 4) {
        return null;
      }
      int type = Wire.u16(b, p);
      int len = Wire.u16(b, p + 2);
      if (len < 4 || len > end - p) {
        return null;
      }
      if (type == PARAM_OUTGOING_RESET) {
        if (len < 16) {
          return null;
        }
        int[] streams = new int[(len - 16) / 2];
        for (int i = 0; i < streams.length; i++) {
          streams[i] = Wire.u16(b, p + 16 + 2 * i);
        }
        req = new ResetRequest(Wire.i32(b, p + 4), Wire.i32(b, p + 8), Wire.i32(b, p + 12), streams);
      } else if (type == PARAM_RESPONSE) {
        if (len < 12) {
          return null;
        }
        resp = new Response(Wire.i32(b, p + 4), Wire.i32(b, p + 8));
      }
      p += Math.min(Wire.padded(len), end - p);
    }
    return new ReconfigChunk(req, resp);
  }

  byte[] encode() {
    if (request != null) {
      int len = 16 + 2 * request.streams().length;
      byte[] c = Wire.chunk(ChunkType.RECONFIG, 0, Wire.padded(len));
      Wire.put16(c, 2, 4 + len);
      Wire.put16(c, 4, PARAM_OUTGOING_RESET);
      Wire.put16(c, 6, len);
      Wire.put32(c, 8, request.requestSeq());
      Wire.put32(c, 12, request.responseSeq());
      Wire.put32(c, 16, request.lastTsn());
      for (int i = 0; i < request.streams().length; i++) {
        Wire.put16(c, 20 + 2 * i, request.streams()[i]);
      }
      return java.util.Arrays.copyOf(c, 4 + len);
    }
    byte[] c = Wire.chunk(ChunkType.RECONFIG, 0, 12);
    Wire.put16(c, 4, PARAM_RESPONSE);
    Wire.put16(c, 6, 12);
    Wire.put32(c, 8, response.responseSeq());
    Wire.put32(c, 12, response.result());
    return c;
  }
}
