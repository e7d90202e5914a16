package dev.odeon.sfu.rtp;

/**
 * A parsed view over one RTP packet in a caller-owned buffer (RFC 3550 §5.1), with RFC 8285
 * header extension lookup. Mutable and reusable: {@link #wrap(byte[], int, int)} re-points an
 * existing instance without allocating, so the ingress path can parse every packet into one view
 * per thread; {@link #parse(byte[], int, int)} allocates a fresh one. Not thread-safe; owned by the event-loop thread that owns the buffer.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           timestamp                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           synchronization source (SSRC) identifier            |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |            contributing source (CSRC) identifiers (CC x 32)   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      defined by profile       |           length (words)      |  if X (RFC 3550 §5.3.1)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        header extension ...                   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                payload ...    | padding ...   | pad count     |  if P
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Invalid input (version != 2, fewer than 12 bytes, CSRC list / extension / padding lengths that
 * run past the packet) makes {@code wrap} return false and {@code parse} return null; neither
 * throws.
 */
public final class RtpPacket {
  /** Size of the fixed header. */
  public static final int FIXED_HEADER = 12;

  private byte[] buf;
  private int off;
  private int len;
  private int headerLength;
  private int paddingLength;
  private int extOffset = -1; // Start of the extension elements (after profile+length), or -1.
  private int extLength;
  private int extProfile;

  /** Parses into a new view; returns null when the bytes are not a valid RTP packet. */
  public static RtpPacket parse(byte[] b, int off, int len) {
    RtpPacket p = new RtpPacket();
    return p.wrap(b, off, len) ? p : null;
  }

  /**
   * Re-points this view at {@code b[off, off+len)}. Returns false (and leaves the view invalid)
   * when the bytes are not a valid RTP packet.
   */
  public boolean wrap(byte[] b, int off, int len) {
    this.buf = null;
    if (b == null || !Bytes.inBounds(b.length, off, len) || len < FIXED_HEADER) {
      return false;
    }
    int b0 = b[off] & 0xFF;
    if (b0 >>> 6 != 2) {
      return false;
    }
    int header = FIXED_HEADER + 4 * (b0 & 0x0F);
    if (header > len) {
      return false;
    }
    int eOff = -1;
    int eLen = 0;
    int eProfile = 0;
    if ((b0 & 0x10) != 0) {
      if (header + 4 > len) {
        return false;
      }
      eProfile = Bytes.u16(b, off + header);
      eLen = 4 * Bytes.u16(b, off + header + 2);
      eOff = off + header + 4;
      header += 4 + eLen;
      if (header > len) {
        return false;
      }
    }
    int padding = 0;
    if ((b0 & 0x20) != 0) {
      padding = b[off + len - 1] & 0xFF;
      // The count includes itself, so 0 is invalid; it may not eat into the header.
      if (padding == 0 || padding > len - header) {
        return false;
      }
    }
    this.buf = b;
    this.off = off;
    this.len = len;
    this.headerLength = header;
    this.paddingLength = padding;
    this.extOffset = eOff;
    this.extLength = eLen;
    this.extProfile = eProfile;
    return true;
  }

  /** True after a successful parse. */
  public boolean isValid() {
    return buf != null;
  }

  public byte[] buffer() {
    return buf;
  }

  public int offset() {
    return off;
  }

  public int length() {
    return len;
  }

  public boolean hasPadding() {
    return (buf[off] & 0x20) != 0;
  }

  public boolean hasExtension() {
    return extOffset >= 0;
  }

  public int csrcCount() {
    return buf[off] & 0x0F;
  }

  public int csrc(int i) {
    if (i < 0 || i >= csrcCount()) {
      throw new IndexOutOfBoundsException("csrc " + i + " of " + csrcCount());
    }
    return Bytes.i32(buf, off + FIXED_HEADER + 4 * i);
  }

  public boolean marker() {
    return (buf[off + 1] & 0x80) != 0;
  }

  public int payloadType() {
    return buf[off + 1] & 0x7F;
  }

  public int sequenceNumber() {
    return Bytes.u16(buf, off + 2);
  }

  public long timestamp() {
    return Bytes.u32(buf, off + 4);
  }

  public int ssrc() {
    return Bytes.i32(buf, off + 8);
  }

  /** Header bytes including CSRCs and the whole extension block. */
  public int headerLength() {
    return headerLength;
  }

  /** Absolute offset of the payload in {@link #buffer()}. */
  public int payloadOffset() {
    return off + headerLength;
  }

  /** Payload bytes, excluding padding. */
  public int payloadLength() {
    return len - headerLength - paddingLength;
  }

  public int paddingLength() {
    return paddingLength;
  }

  /** The extension block's "defined by profile" field (0xBEDE, 0x100X, ...), or -1 when absent. */
  public int extensionProfile() {
    return extOffset >= 0 ? extProfile : -1;
  }

  /** Absolute offset of extension element {@code id}'s data, or -1 when absent or malformed. */
  public int findExtension(int id) {
    long hit = lookup(id);
    return hit < 0 ? -1 : (int) (hit >>> 32);
  }

  /** Data length of extension element {@code id}, or -1 when absent or malformed. */
  public int extensionLength(int id) {
    long hit = lookup(id);
    return hit < 0 ? -1 : (int) hit;
  }

  private long lookup(int id) {
    if (extOffset < 0) {
      return HeaderExtensions.NOT_FOUND;
    }
    return HeaderExtensions.find(buf, extOffset, extLength, extProfile, id);
  }

  public void setMarker(boolean marker) {
    buf[off + 1] = (byte) (marker ? buf[off + 1] | 0x80 : buf[off + 1] & 0x7F);
  }

  public void setPayloadType(int pt) {
    buf[off + 1] = (byte) ((buf[off + 1] & 0x80) | (pt & 0x7F));
  }

  public void setSequenceNumber(int seq) {
    Bytes.put16(buf, off + 2, seq);
  }

  public void setTimestamp(long ts) {
    Bytes.put32(buf, off + 4, ts);
  }

  public void setSsrc(int ssrc) {
    Bytes.put32(buf, off + 8, ssrc);
  }

  /**
   * Writes a 12-byte fixed header with no CSRCs, extension or padding.
   *
   * @return bytes written (12)
   */
  public static int writeHeader(byte[] dst, int off, boolean marker, int payloadType, int seq,
      long timestamp, int ssrc) {
    dst[off] = (byte) 0x80;
    dst[off + 1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F));
    Bytes.put16(dst, off + 2, seq);
    Bytes.put32(dst, off + 4, timestamp);
    Bytes.put32(dst, off + 8, ssrc);
    return FIXED_HEADER;
  }

  /**
   * RFC 5761 §4 demultiplexing: a packet whose second byte, with the marker bit masked, is 64..95
   * is RTCP (this covers RTCP types 192..223). False for fewer than 2 bytes or a bad range.
   */
  public static boolean isRtcp(byte[] b, int off, int len) {
    if (b == null || !Bytes.inBounds(b.length, off, len) || len < 2) {
      return false;
    }
    int pt = b[off + 1] & 0x7F;
    return pt >= 64 && pt <= 95;
  }

  /**
   * RFC 6464 client-to-mixer audio level: 0 (loudest, 0 dBov) .. 127 (silence, -127 dBov), or -1
   * when the extension is absent or its data is not exactly one byte.
   */
  public static int audioLevel(RtpPacket p, int extId) {
    int raw = audioLevelByte(p, extId);
    return raw < 0 ? -1 : raw & 0x7F;
  }

  /** RFC 6464 voice-activity flag (V bit); false when the extension is absent or malformed. */
  public static boolean isVoiceActive(RtpPacket p, int extId) {
    int raw = audioLevelByte(p, extId);
    return raw >= 0 && (raw & 0x80) != 0;
  }

  private static int audioLevelByte(RtpPacket p, int extId) {
    if (p == null || !p.isValid()) {
      return -1;
    }
    long hit = p.lookup(extId);
    if (hit < 0 || (int) hit != 1) {
      return -1;
    }
    return p.buf[(int) (hit >>> 32)] & 0xFF;
  }

  @Override
  public String toString() {
    if (!isValid()) {
      return "RtpPacket[invalid]";
    }
    return "RtpPacket[ssrc=" + Integer.toUnsignedString(ssrc()) + " pt=" + payloadType() + " seq="
        + sequenceNumber() + " ts=" + timestamp() + " m=" + marker() + " payload=" + payloadLength()
        + "]";
  }
}
