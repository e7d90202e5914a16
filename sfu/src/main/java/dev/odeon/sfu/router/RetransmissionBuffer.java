package dev.odeon.sfu.router;

import dev.odeon.sfu.rtp.RtpPacket;

/**
 * The last {@value #CAPACITY} packets of one publisher's video track, decrypted, so a viewer's
 * generic NACK (RFC 4585 §6.2.1) is answered by the server from here instead of travelling to the
 * publisher. A ring indexed by sequence number: a slot holds the newest packet whose number maps to
 * it, and a lookup checks the number, the SSRC and the age, so a wrapped or stale slot is never
 * resent. Packets older than {@link #MAX_AGE_NANOS} are too late to help a jitter buffer and are not
 * returned. Media thread only; buffers are allocated on first use and reused.
 */
final class RetransmissionBuffer {
  /** Packets kept per track: at 1.5 Mbit/s about 6 s of video, at 8 Mbit/s about 1 s. */
  static final int CAPACITY = 1024;
  /** Beyond this a retransmission arrives after the receiver has given the packet up. */
  static final long MAX_AGE_NANOS = 1_000_000_000L;
  private static final int MASK = CAPACITY - 1;
  /** Larger packets are not kept (nothing the browser sends is near this). */
  static final int MAX_PACKET = 1500;

  private final byte[][] packets = new byte[CAPACITY][];
  private final int[] lengths = new int[CAPACITY];
  private final int[] seqs = new int[CAPACITY];
  private final int[] ssrcs = new int[CAPACITY];
  private final long[] storedAt = new long[CAPACITY];

  RetransmissionBuffer() {
    java.util.Arrays.fill(seqs, -1);
  }

  /** Keeps a copy of {@code pkt} (the whole packet, header included). */
  void store(long nowNanos, RtpPacket pkt) {
    int len = pkt.length();
    if (len > MAX_PACKET) {
      return;
    }
    int i = pkt.sequenceNumber() & MASK;
    byte[] slot = packets[i];
    if (slot == null) {
      slot = packets[i] = new byte[MAX_PACKET + Endpoint.HEADROOM];
    }
    System.arraycopy(pkt.buffer(), pkt.offset(), slot, 0, len);
    lengths[i] = len;
    seqs[i] = pkt.sequenceNumber();
    ssrcs[i] = pkt.ssrc();
    storedAt[i] = nowNanos;
  }

  /**
   * Points {@code view} at the kept packet {@code seq} of {@code ssrc}; false when it was never
   * kept, has been overwritten, or is older than {@link #MAX_AGE_NANOS}.
   */
  boolean find(long nowNanos, int ssrc, int seq, RtpPacket view) {
    int i = seq & MASK;
    if (seqs[i] != seq || ssrcs[i] != ssrc || nowNanos - storedAt[i] > MAX_AGE_NANOS) {
      return false;
    }
    return view.wrap(packets[i], 0, lengths[i]);
  }
}
