package dev.odeon.sfu.rtp;

/**
 * Big-endian (network order) reads and writes on byte arrays, masking signed bytes. Callers
 * bounds-check first; these helpers do not. Stateless, safe from any thread.
 */
public final class Bytes {
  private Bytes() {}

  /** True when {@code [off, off+len)} lies inside an array of length {@code size}. */
  public static boolean inBounds(int size, int off, int len) {
    return off >= 0 && len >= 0 && off <= size - len;
  }

  public static int u8(byte[] b, int i) {
    return b[i] & 0xFF;
  }

  public static int u16(byte[] b, int i) {
    return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
  }

  public static int u24(byte[] b, int i) {
    return (b[i] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF);
  }

  /** Reads 32 bits as a (possibly negative) int, for SSRCs. */
  public static int i32(byte[] b, int i) {
    return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
  }

  /** Reads 32 bits as an unsigned value 0..2^32-1. */
  public static long u32(byte[] b, int i) {
    return i32(b, i) & 0xFFFF_FFFFL;
  }

  public static void put16(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 8);
    b[i + 1] = (byte) v;
  }

  public static void put24(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 16);
    b[i + 1] = (byte) (v >>> 8);
    b[i + 2] = (byte) v;
  }

  public static void put32(byte[] b, int i, long v) {
    b[i] = (byte) (v >>> 24);
    b[i + 1] = (byte) (v >>> 16);
    b[i + 2] = (byte) (v >>> 8);
    b[i + 3] = (byte) v;
  }
}
