package dev.odeon.sfu.api;

/**
 * Engine counters. Written only by the media thread, read by the metrics scrape: plain volatile
 * reads are enough because a scrape may lag by a packet.
 */
public interface MediaStats {
  int sessions();

  int publishers();

  int viewers();

  long packetsIn();

  long bytesIn();

  long packetsOut();

  long bytesOut();

  long drops(DropReason reason);

  /** Packets resent to viewers from the server's buffer, answering their NACKs. */
  default long retransmittedPackets() {
    return 0;
  }

  /** NACK packets sent to publishers for packets lost on the way in. */
  default long nacksSent() {
    return 0;
  }

  /** Transport-wide congestion control feedback packets sent to publishers. */
  default long transportCcFeedback() {
    return 0;
  }

  /** Send calls on the media socket; below {@link #packetsOut()} when UDP GSO sends several datagrams at once. */
  default long udpSends() {
    return packetsOut();
  }
}
