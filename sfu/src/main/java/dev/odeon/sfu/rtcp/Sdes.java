package dev.odeon.sfu.rtcp;

import dev.odeon.sfu.rtp.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Source Description, PT 202 (RFC 3550 §6.5). Parsing keeps CNAME (item type 1) and skips other
 * items; writing emits one CNAME item per chunk (UTF-8, truncated to 255 bytes).
 *
 * <pre>
 * |V=2|P|    SC   |  PT=SDES=202  |             length            |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * |                          SSRC/CSRC_1                          |  chunk 1
 * |    CNAME=1    |     length    | user and domain name        ...
 * |   ... items ...  | END=0 | zero padding to a 32-bit boundary  |
 * +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 * </pre>
 */
public record Sdes(List<SdesChunk> chunks) implements RtcpPacket {
  private static final int CNAME = 1;

  public Sdes {
    chunks = List.copyOf(chunks);
  }

  static Sdes parse(byte[] b, int off, int len, int sc) {
    int end = off + len;
    int i = off + 4;
    List<SdesChunk> out = new ArrayList<>(Math.min(sc, len / 8));
    for (int k = 0; k < sc; k++) {
      if (i + 4 > end) {
        return null;
      }
      int ssrc = Bytes.i32(b, i);
      i += 4;
      String cname = "";
      while (true) {
        if (i >= end) {
          return null;
        }
        int type = b[i] & 0xFF;
        if (type == 0) {
          i = off + RtcpHeader.padTo4(i + 1 - off);
          break;
        }
        if (i + 2 > end || i + 2 + (b[i + 1] & 0xFF) > end) {
          return null;
        }
        int n = b[i + 1] & 0xFF;
        if (type == CNAME) {
          cname = new String(b, i + 2, n, StandardCharsets.UTF_8);
        }
        i += 2 + n;
      }
      if (i > end) {
        return null;
      }
      out.add(new SdesChunk(ssrc, cname));
    }
    return new Sdes(out);
  }

  private static byte[] cnameBytes(SdesChunk c) {
    byte[] raw = c.cname().getBytes(StandardCharsets.UTF_8);
    return raw.length <= 255 ? raw : java.util.Arrays.copyOf(raw, 255);
  }

  private static int chunkSize(byte[] cname) {
    return RtcpHeader.padTo4(4 + 2 + cname.length + 1);
  }

  @Override
  public int size() {
    int n = 4;
    for (SdesChunk c : chunks) {
      n += chunkSize(cnameBytes(c));
    }
    return n;
  }

  @Override
  public int writeTo(byte[] dst, int off) {
    int n = size();
    RtcpHeader.write(dst, off, chunks.size(), RtcpHeader.SDES, n);
    int i = off + 4;
    for (SdesChunk c : chunks) {
      byte[] name = cnameBytes(c);
      int next = i + chunkSize(name);
      Bytes.put32(dst, i, c.ssrc());
      dst[i + 4] = CNAME;
      dst[i + 5] = (byte) name.length;
      System.arraycopy(name, 0, dst, i + 6, name.length);
      for (int p = i + 6 + name.length; p < next; p++) {
        dst[p] = 0;
      }
      i = next;
    }
    return n;
  }
}
