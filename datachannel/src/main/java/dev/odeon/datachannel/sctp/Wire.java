package dev.odeon.datachannel.sctp;

/** Big-endian field access for the SCTP codecs; callers bounds-check before calling. */
final class Wire {
  private Wire() {}

  static int u8(byte[] b, int o) {
    return b[o] & 0xff;
  }

  static int u16(byte[] b, int o) {
    return ((b[o] & 0xff) << 8) | (b[o + 1] & 0xff);
  }

  static int i32(byte[] b, int o) {
    return ((b[o] & 0xff) << 24) | ((b[o + 1] & 0xff) << 16) | ((b[o + 2] & 0xff) << 8) | (b[o + 3] & 0xff);
  }

  static long u32(byte[] b, int o) {
    return i32(b, o) & 0xffffffffL;
  }

  static long i64(byte[] b, int o) {
    return ((long) i32(b, o) << 32) | (i32(b, o + 4) & 0xffffffffL);
  }

  static void put16(byte[] b, int o, int v) {
    b[o] = (byte) (v >>> 8);
    b[o + 1] = (byte) v;
  }

  static void put32(byte[] b, int o, long v) {
    b[o] = (byte) (v >>> 24);
    b[o + 1] = (byte) (v >>> 16);
    b[o + 2] = (byte) (v >>> 8);
    b[o + 3] = (byte) v;
  }

  static void put64(byte[] b, int o, long v) {
    put32(b, o, v >>> 32);
    put32(b, o + 4, v);
  }

  /** A chunk buffer of {@code 4 + valueLen} bytes with its type, flags and length filled in. */
  static byte[] chunk(int type, int flags, int valueLen) {
    byte[] c = new byte[4 + valueLen];
    c[0] = (byte) type;
    c[1] = (byte) flags;
    put16(c, 2, 4 + valueLen);
    return c;
  }

  static int padded(int len) {
    return (len + 3) & ~3;
  }
}
