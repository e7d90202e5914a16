package dev.odeon.sfu.router;

/**
 * Loss repair and congestion feedback counters of a {@link Router}: written by the media thread with
 * plain stores, read by the metrics scrape (a value a few packets old is fine there).
 */
public final class RepairCounters {
  long retransmitted;
  long nacksSent;
  long nackedSeqsSent;
  long transportCcSent;

  /** Packets the server resent to viewers from its buffer, answering their NACKs. */
  public long retransmitted() {
    return retransmitted;
  }

  /** NACK packets the server sent to publishers for packets lost on the way in. */
  public long nacksSent() {
    return nacksSent;
  }

  /** Transport-wide congestion control feedback packets sent to publishers. */
  public long transportCcSent() {
    return transportCcSent;
  }

  /** Sequence numbers those NACKs asked for. */
  public long nackedSeqsSent() {
    return nackedSeqsSent;
  }
}
