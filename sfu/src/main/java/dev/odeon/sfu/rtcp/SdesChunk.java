package dev.odeon.sfu.rtcp;

/**
 * One SDES chunk (RFC 3550 §6.5): the source and its CNAME. Other items are skipped when parsing;
 * {@code cname} is "" when the chunk carries none.
 */
public record SdesChunk(int ssrc, String cname) {
  public SdesChunk {
    cname = cname == null ? "" : cname;
  }
}
