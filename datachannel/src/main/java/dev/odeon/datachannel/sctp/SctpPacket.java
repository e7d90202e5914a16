package dev.odeon.datachannel.sctp;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * SCTP common header and chunk list (RFC 9260 §3.1, §3.2).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Source Port Number        |     Destination Port Number   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Verification Tag                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           Checksum                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Chunk Type  | Chunk  Flags  |        Chunk Length           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                          Chunk Value  (padded to 4 bytes)     \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>The checksum is CRC32c (RFC 9260 Appendix A) over the whole packet with the checksum field set
 * to zero, stored least significant byte first as usrsctp, pion and dcsctp do.
 */
record SctpPacket(int sourcePort, int destinationPort, int verificationTag, List<RawChunk> chunks) {
  static final int HEADER = 12;

  /** True if the packet carries a correct CRC32c; false for anything shorter than the header. */
  static boolean hasValidChecksum(byte[] b, int off, int len) {
    if (len < HEADER) {
      return false;
    }
    long stored = (b[off + 8] & 0xffL) | (b[off + 9] & 0xffL) << 8 | (b[off + 10] & 0xffL) << 16
        | (b[off + 11] & 0xffL) << 24;
    return stored == checksum(b, off, len);
  }

  private static long checksum(byte[] b, int off, int len) {
    CRC32C crc = new CRC32C();
    crc.update(b, off, 8);
    crc.update(new byte[4], 0, 4);
    crc.update(b, off + HEADER, len - HEADER);
    return crc.getValue();
  }

  /**
   * Parses the header and splits the chunks. Returns null (drop the packet) when a chunk length is
   * below 4, runs past the end, or trailing bytes cannot hold a chunk header. The checksum is not
   * checked here.
   */
  static SctpPacket parse(byte[] b, int off, int len) {
    if (b == null || off < 0 || len < HEADER || off > b.length - len) {
      return null;
    }
    List<RawChunk> chunks = new ArrayList<>();
    int p = off + HEADER;
    int end = off + len;
    while (p < end) {
      if (end - p < 4) {
        return null;
      }
      int chunkLen = Wire.u16(b, p + 2);
      if (chunkLen < 4 || chunkLen > end - p) {
        return null;
      }
      chunks.add(new RawChunk(Wire.u8(b, p), Wire.u8(b, p + 1), b, p + 4, chunkLen - 4));
      // The last chunk's padding may be missing; tolerate it rather than drop a usable packet.
      p += Math.min(Wire.padded(chunkLen), end - p);
    }
    if (chunks.isEmpty()) {
      return null;
    }
    return new SctpPacket(Wire.u16(b, off), Wire.u16(b, off + 2), Wire.i32(b, off + 4), chunks);
  }

  /** Writes a packet holding the given encoded chunks (each padded to 4 bytes) and its checksum. */
  static byte[] build(int sourcePort, int destinationPort, int verificationTag, List<byte[]> chunks) {
    int len = HEADER;
    for (byte[] c : chunks) {
      len += Wire.padded(c.length);
    }
    byte[] out = new byte[len];
    Wire.put16(out, 0, sourcePort);
    Wire.put16(out, 2, destinationPort);
    Wire.put32(out, 4, verificationTag);
    int p = HEADER;
    for (byte[] c : chunks) {
      System.arraycopy(c, 0, out, p, c.length);
      p += Wire.padded(c.length);
    }
    long crc = checksum(out, 0, len);
    out[8] = (byte) crc;
    out[9] = (byte) (crc >>> 8);
    out[10] = (byte) (crc >>> 16);
    out[11] = (byte) (crc >>> 24);
    return out;
  }
}
