package dev.odeon.datachannel.sctp;

import java.util.ArrayDeque;

/**
 * The data transfer half of an established association: DATA in (RFC 9260 §6.2) with the memory
 * cap and delayed SACK, SACK in, FORWARD TSN in (RFC 3758 §3.6), RE-CONFIG (RFC 6525), and what to
 * append to outgoing packets (SACK, FORWARD TSN, RE-CONFIG, DATA). {@link SctpAssociation} decides
 * in which states each is allowed. Same thread as the association.
 */
final class DataPlane {
  private static final long MS = 1_000_000L;

  final OutboundQueue out;
  final ReceiveTracker rx;
  final StreamResetter resets;
  private final Reassembler reassembler;
  private final SctpConfig config;
  private final SctpCounters counters;
  private final RtoEstimator rto;
  private long sackDeadline = Long.MAX_VALUE;
  private boolean sackNow;
  private boolean dataInPacket;
  private int dataPacketsUnacked;

  DataPlane(SctpConfig config, int myInitialTsn, int peerInitialTsn, long peerRwnd,
      int inboundStreams, boolean forwardTsn, RtoEstimator rto, ArrayDeque<SctpEvent> events,
      SctpCounters counters) {
    this.config = config;
    this.counters = counters;
    this.rto = rto;
    out = new OutboundQueue(myInitialTsn, peerRwnd, config.mtu(), config.maxSendBufferBytes(), rto,
        forwardTsn, counters);
    rx = new ReceiveTracker(peerInitialTsn);
    reassembler = new Reassembler(config.maxMessageSize(), inboundStreams, events, counters);
    resets = new StreamResetter(myInitialTsn, peerInitialTsn, rx, reassembler, out, events);
  }

  long reassemblyBytes() {
    return reassembler.bufferedBytes();
  }

  void handleData(RawChunk c) {
    DataChunk d = DataChunk.parse(c);
    if (d == null) {
      counters.malformedChunks++;
      return;
    }
    dataInPacket = true;
    sackNow |= d.immediate();
    long tsn = rx.unwrap(d.tsn());
    // Over the memory cap only the next in-order TSN is taken: it always lets delivery progress.
    if (tsn > rx.cumulative() + 1
        && reassembler.bufferedBytes() + d.payload().length > config.maxReassemblyBytes()) {
      counters.noBufferData++;
      sackNow = true;
      return;
    }
    switch (rx.offer(tsn)) {
      case DUPLICATE -> {
        counters.duplicateTsns++;
        sackNow = true;
      }
      case OUT_OF_WINDOW -> counters.outOfWindowData++;
      case NEW -> reassembler.add(tsn, d);
    }
  }

  /** Returns true if the SACK advanced the cumulative ack. */
  boolean handleSack(long now, RawChunk c) {
    SackChunk s = SackChunk.parse(c);
    if (s == null) {
      counters.malformedChunks++;
      return false;
    }
    return out.handleSack(now, s);
  }

  void handleForwardTsn(RawChunk c) {
    ForwardTsnChunk f = ForwardTsnChunk.parse(c);
    if (f == null) {
      counters.malformedChunks++;
      return;
    }
    long newCum = rx.unwrap(f.newCumTsn());
    sackNow = true;
    if (newCum <= rx.cumulative()) {
      return;
    }
    if (newCum - rx.cumulative() > ReceiveTracker.WINDOW) {
      counters.outOfWindowData++;
      return;
    }
    rx.forward(newCum);
    reassembler.forward(newCum, f.streams(), f.ssns());
  }

  void handleReconfig(RawChunk c) {
    ReconfigChunk r = ReconfigChunk.parse(c);
    if (r == null) {
      counters.malformedChunks++;
    } else {
      resets.handle(r);
    }
  }

  /** After a packet: SACK now (every second DATA packet, or a gap) or arm the delayed SACK. */
  void afterPacket(long now) {
    if (dataInPacket) {
      dataInPacket = false;
      dataPacketsUnacked++;
      if (rx.hasGaps() || dataPacketsUnacked >= 2) {
        sackNow = true;
      } else if (sackDeadline == Long.MAX_VALUE) {
        sackDeadline = now + config.delayedAckMs() * MS;
      }
    }
    resets.performDeferred();
  }

  /** Fires the SACK, T3-rtx and reconfig timers; returns true if a T3 expiry counts as an error. */
  boolean handleTimeout(long now) {
    if (sackDeadline <= now) {
      sackNow = true;
    }
    resets.handleTimeout(now);
    return out.handleT3(now);
  }

  long pollTimeout() {
    return Math.min(sackDeadline, Math.min(out.t3Deadline(), resets.deadline()));
  }

  /** Appends SACK, FORWARD TSN, RE-CONFIG and, if allowed, DATA within cwnd and peer window. */
  void appendTo(long now, PacketBuilder pb, boolean dataAllowed) {
    boolean piggyback = sackDeadline != Long.MAX_VALUE && dataAllowed
        && out.peekSendable(now) != null;
    if (sackNow || piggyback) {
      long window = Math.max(0, config.receiveWindow() - reassembler.bufferedBytes());
      pb.add(rx.buildSack(window).encode());
      sackNow = false;
      sackDeadline = Long.MAX_VALUE;
      dataPacketsUnacked = 0;
    }
    ForwardTsnChunk f = out.pollForwardTsn(now);
    if (f != null) {
      pb.add(f.encode());
    }
    for (byte[] r : resets.poll(now, rto.rto())) {
      pb.add(r);
    }
    while (dataAllowed) {
      OutboundQueue.OutChunk c = out.peekSendable(now);
      if (c == null) {
        break;
      }
      pb.add(c.data.encode());
      out.markSent(c, now);
    }
  }

  /** The association is gone: incoming buffers are released at once. */
  void close() {
    reassembler.clear();
    sackDeadline = Long.MAX_VALUE;
    sackNow = false;
  }
}
