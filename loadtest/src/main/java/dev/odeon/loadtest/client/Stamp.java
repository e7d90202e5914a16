package dev.odeon.loadtest.client;

/**
 * The 16-byte trailer the synthetic publisher puts at the end of every RTP payload, so a viewer can
 * count loss and measure delay without decoding anything:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      magic "OLT" + kind byte (tag << 1 | 0 audio, 1 video)     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            sequence (per kind, counts every packet sent)      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        send time: the generator's System.nanoTime() (64 bits) |
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class Stamp {
  public static final int SIZE = 16;
  private static final int MAGIC = 0x4F4C5400;

  private Stamp() {}

  /** Writes the stamp into the last {@link #SIZE} bytes before {@code end}. */
  public static void write(byte[] b, int end, int kind, int seq, long nanos) {
    int o = end - SIZE;
    putInt(b, o, MAGIC | kind);
    putInt(b, o + 4, seq);
    putInt(b, o + 8, (int) (nanos >>> 32));
    putInt(b, o + 12, (int) nanos);
  }

  /** The kind (0/1) of a stamped payload ending at {@code end}, or -1 when there is no stamp. */
  public static int kind(byte[] b, int payloadOff, int end) {
    if (end - payloadOff < SIZE) {
      return -1;
    }
    int m = getInt(b, end - SIZE);
    return (m & 0xFFFFFF00) == MAGIC ? m & 0x01 : -1;
  }

  /**
   * The publisher tag of a stamped payload ending at {@code end}: the kind byte's upper 7 bits (0 for
   * the fanout publisher; the stage scenario numbers its speakers 1, 2, ...). Call after {@link #kind}.
   */
  public static int tag(byte[] b, int end) {
    return (getInt(b, end - SIZE) & 0xFF) >>> 1;
  }

  public static int seq(byte[] b, int end) {
    return getInt(b, end - SIZE + 4);
  }

  public static long nanos(byte[] b, int end) {
    return ((long) getInt(b, end - 8) << 32) | (getInt(b, end - 4) & 0xFFFFFFFFL);
  }

  private static void putInt(byte[] b, int o, int v) {
    b[o] = (byte) (v >>> 24);
    b[o + 1] = (byte) (v >>> 16);
    b[o + 2] = (byte) (v >>> 8);
    b[o + 3] = (byte) v;
  }

  private static int getInt(byte[] b, int o) {
    return ((b[o] & 0xFF) << 24) | ((b[o + 1] & 0xFF) << 16) | ((b[o + 2] & 0xFF) << 8) | (b[o + 3] & 0xFF);
  }
}
