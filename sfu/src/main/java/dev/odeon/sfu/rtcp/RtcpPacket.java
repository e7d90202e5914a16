package dev.odeon.sfu.rtcp;

/**
 * One RTCP packet of a compound (RFC 3550 §6, RFC 4585 §6, RFC 5104 §4.3.1, REMB, transport-cc).
 * Immutable records; parse with {@link RtcpCompound#parse(byte[], int, int)}, build a compound by
 * calling {@link #writeTo(byte[], int)} on each packet into one buffer. Safe to share across
 * threads once built.
 */
public sealed interface RtcpPacket
    permits SenderReport, ReceiverReport, Sdes, Bye, Pli, Fir, Nack, Remb, TransportCc, Unknown {

  /** Bytes {@link #writeTo(byte[], int)} will write (a multiple of 4). */
  int size();

  /**
   * Writes this packet at {@code dst[off]} and returns the bytes written. A value that cannot be
   * encoded (e.g. more than 31 report blocks) is a caller bug and throws IllegalStateException.
   */
  int writeTo(byte[] dst, int off);
}
