package dev.odeon.sfu.rtp;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds RTP packets for tests and the load generator (not for the forwarding path, which rewrites
 * received packets in place). Header extensions use the RFC 8285 one-byte form (profile 0xBEDE)
 * when every element has id 1..14 and 1..16 bytes of data, otherwise the two-byte form (0x1000).
 * Not thread-safe.
 */
public final class RtpBuilder {
  private boolean marker;
  private int payloadType;
  private int seq;
  private long timestamp;
  private int ssrc;
  private final List<Integer> csrcs = new ArrayList<>();
  private final List<Integer> extIds = new ArrayList<>();
  private final List<byte[]> extData = new ArrayList<>();
  private byte[] payload = new byte[0];
  private int padding;

  public RtpBuilder marker(boolean m) {
    this.marker = m;
    return this;
  }

  public RtpBuilder payloadType(int pt) {
    this.payloadType = pt;
    return this;
  }

  public RtpBuilder sequenceNumber(int s) {
    this.seq = s;
    return this;
  }

  public RtpBuilder timestamp(long ts) {
    this.timestamp = ts;
    return this;
  }

  public RtpBuilder ssrc(int s) {
    this.ssrc = s;
    return this;
  }

  public RtpBuilder csrc(int c) {
    if (csrcs.size() == 15) {
      throw new IllegalStateException("at most 15 CSRCs");
    }
    csrcs.add(c);
    return this;
  }

  /** Adds a header extension element; {@code id} 1..14 for the one-byte form, up to 255 otherwise. */
  public RtpBuilder extension(int id, byte[] data) {
    if (id < 1 || id > 255 || data.length > 255) {
      throw new IllegalArgumentException("extension id " + id + " length " + data.length);
    }
    extIds.add(id);
    extData.add(data.clone());
    return this;
  }

  public RtpBuilder payload(byte[] p) {
    this.payload = p.clone();
    return this;
  }

  /** Padding bytes to append (0, or 1..255 including the count byte). */
  public RtpBuilder padding(int bytes) {
    if (bytes < 0 || bytes > 255) {
      throw new IllegalArgumentException("padding " + bytes);
    }
    this.padding = bytes;
    return this;
  }

  private boolean oneByteForm() {
    for (int i = 0; i < extIds.size(); i++) {
      int n = extData.get(i).length;
      if (extIds.get(i) > 14 || n < 1 || n > 16) {
        return false;
      }
    }
    return true;
  }

  private int extensionBodyLength() {
    int per = oneByteForm() ? 1 : 2;
    int n = 0;
    for (byte[] d : extData) {
      n += per + d.length;
    }
    return (n + 3) & ~3;
  }

  /** Total packet size in bytes. */
  public int size() {
    int ext = extIds.isEmpty() ? 0 : 4 + extensionBodyLength();
    return RtpPacket.FIXED_HEADER + 4 * csrcs.size() + ext + payload.length + padding;
  }

  /** Writes the packet at {@code dst[off]}; returns bytes written. */
  public int writeTo(byte[] dst, int off) {
    int total = size();
    RtpPacket.writeHeader(dst, off, marker, payloadType, seq, timestamp, ssrc);
    dst[off] = (byte) (0x80 | (padding > 0 ? 0x20 : 0) | (extIds.isEmpty() ? 0 : 0x10)
        | csrcs.size());
    int i = off + RtpPacket.FIXED_HEADER;
    for (int c : csrcs) {
      Bytes.put32(dst, i, c);
      i += 4;
    }
    if (!extIds.isEmpty()) {
      i = writeExtensions(dst, i);
    }
    System.arraycopy(payload, 0, dst, i, payload.length);
    i += payload.length;
    for (int p = 0; p < padding; p++) {
      dst[i++] = (byte) (p == padding - 1 ? padding : 0);
    }
    return total;
  }

  private int writeExtensions(byte[] dst, int i) {
    boolean one = oneByteForm();
    int body = extensionBodyLength();
    Bytes.put16(dst, i, one ? HeaderExtensions.PROFILE_ONE_BYTE : HeaderExtensions.PROFILE_TWO_BYTE);
    Bytes.put16(dst, i + 2, body / 4);
    int start = i + 4;
    int p = start;
    for (int e = 0; e < extIds.size(); e++) {
      byte[] d = extData.get(e);
      if (one) {
        dst[p++] = (byte) (extIds.get(e) << 4 | (d.length - 1));
      } else {
        dst[p++] = (byte) (int) extIds.get(e);
        dst[p++] = (byte) d.length;
      }
      System.arraycopy(d, 0, dst, p, d.length);
      p += d.length;
    }
    while (p < start + body) {
      dst[p++] = 0;
    }
    return p;
  }

  /** Builds the packet into a fresh array. */
  public byte[] build() {
    byte[] out = new byte[size()];
    writeTo(out, 0);
    return out;
  }
}
