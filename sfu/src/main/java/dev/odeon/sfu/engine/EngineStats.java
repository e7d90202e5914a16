package dev.odeon.sfu.engine;

import dev.odeon.sfu.api.DropReason;
import dev.odeon.sfu.api.MediaStats;

/**
 * The engine's counters. Written only by the media thread with plain stores (a volatile store per
 * packet would cost a fence each); the metrics scrape reads them from another thread and may see a
 * value a few packets old, which is all a scrape needs. Longs are written whole on 64-bit JVMs.
 */
public final class EngineStats implements MediaStats {
  private final long[] drops = new long[DropReason.values().length];
  /** The router's loss-repair counters (written by the media thread like the rest). */
  final dev.odeon.sfu.router.RepairCounters repair = new dev.odeon.sfu.router.RepairCounters();
  int sessions;
  int publishers;
  int viewers;
  long packetsIn;
  long bytesIn;
  long packetsOut;
  long bytesOut;

  public void countDrop(DropReason reason) {
    drops[reason.ordinal()]++;
  }

  void countIn(int bytes) {
    packetsIn++;
    bytesIn += bytes;
  }

  void countOut(int bytes) {
    packetsOut++;
    bytesOut += bytes;
  }

  @Override
  public int sessions() {
    return sessions;
  }

  @Override
  public int publishers() {
    return publishers;
  }

  @Override
  public int viewers() {
    return viewers;
  }

  @Override
  public long packetsIn() {
    return packetsIn;
  }

  @Override
  public long bytesIn() {
    return bytesIn;
  }

  @Override
  public long packetsOut() {
    return packetsOut;
  }

  @Override
  public long bytesOut() {
    return bytesOut;
  }

  @Override
  public long drops(DropReason reason) {
    return drops[reason.ordinal()];
  }

  @Override
  public long retransmittedPackets() {
    return repair.retransmitted();
  }

  @Override
  public long nacksSent() {
    return repair.nacksSent();
  }

  @Override
  public long transportCcFeedback() {
    return repair.transportCcSent();
  }
}
