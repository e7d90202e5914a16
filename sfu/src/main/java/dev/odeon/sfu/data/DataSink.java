package dev.odeon.sfu.data;

/**
 * Where a {@link DataPlane} writes: each call encrypts one DTLS application-data record and sends
 * it to the session's peer. Media thread only.
 */
public interface DataSink {

  /** Sends one record (one SCTP packet); false when the session cannot send (closed, no path). */
  boolean send(byte[] record);

  /** The largest record {@link #send} accepts (the DTLS record payload limit), bytes. */
  int maxRecordSize();
}
