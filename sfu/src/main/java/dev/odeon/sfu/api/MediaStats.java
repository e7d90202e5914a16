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
}
