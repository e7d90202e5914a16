package dev.odeon.datachannel.sctp;

/**
 * Drop and recovery counters of one association, for metrics and tests. Read on the association's
 * thread (or copy out there); plain fields, no synchronization.
 */
public final class SctpCounters {
  long badChecksum;
  long malformedPackets;
  long malformedChunks;
  long badVerificationTag;
  long badCookies;
  long outOfWindowData;
  long noBufferData;
  long duplicateTsns;
  long refusedMessages;
  long retransmissions;
  long fastRetransmits;
  long timeouts;
  long abandonedMessages;
  long unknownChunks;

  public long badChecksum() { return badChecksum; }
  public long malformedPackets() { return malformedPackets; }
  public long malformedChunks() { return malformedChunks; }
  public long badVerificationTag() { return badVerificationTag; }
  public long badCookies() { return badCookies; }
  public long outOfWindowData() { return outOfWindowData; }
  public long noBufferData() { return noBufferData; }
  public long duplicateTsns() { return duplicateTsns; }
  public long refusedMessages() { return refusedMessages; }
  public long retransmissions() { return retransmissions; }
  public long fastRetransmits() { return fastRetransmits; }
  public long timeouts() { return timeouts; }
  public long abandonedMessages() { return abandonedMessages; }
  public long unknownChunks() { return unknownChunks; }
}
